import Testing
import WardenExpression
import WardenValue

@Suite("limits")
struct LimitTests {
    @Test("10,000 opening parentheses are a load error, not a stack overflow")
    func deepParentheses() throws {
        let source = String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
        let diagnostics = try #require(loadDiagnostics(source))
        #expect(diagnostics.first?.code == .tooDeep)
    }

    @Test(
        "deep nesting of every kind is bounded",
        arguments: [
            String(repeating: "!", count: 10_000) + "true",
            String(repeating: "not ", count: 5_000) + "true",
            String(repeating: "-", count: 10_000) + "1 > 0",
            String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + " == nil",
            String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + " == nil",
            "meta" + String(repeating: ".a", count: 10_000) + " == 1",
            "1" + String(repeating: " + 1", count: 10_000) + " > 0",
            String(repeating: "true ? ", count: 3_000) + "true" + String(repeating: " : false", count: 3_000),
            String(repeating: "len(", count: 5_000) + "\"\"" + String(repeating: ")", count: 5_000) + " > 0",
            String(repeating: "meta[", count: 5_000) + "\"a\"" + String(repeating: "]", count: 5_000) + " == 1",
        ])
    func deepNesting(source: String) throws {
        let diagnostics = try #require(loadDiagnostics(source))
        #expect(diagnostics.first?.code == .tooDeep)
    }

    @Test("nesting up to the limit loads and evaluates")
    func nestingAtLimit() throws {
        let source = String(repeating: "(", count: 100) + "action == \"read\"" + String(repeating: ")", count: 100)
        #expect(try compiled(source).evaluateBool(environment()) == .success(true))
        let chain = "1" + String(repeating: " + 1", count: 120) + " == 121"
        #expect(try compiled(chain).evaluateBool(environment()) == .success(true))
    }

    @Test("source longer than the limit is a load error")
    func tooLong() throws {
        let source = "action == \"" + String(repeating: "a", count: 70_000) + "\""
        let diagnostics = try #require(loadDiagnostics(source))
        #expect(diagnostics.first?.code == .tooLong)
        #expect(diagnostics.first?.position == .start)
        #expect(loadDiagnostics(source, limits: ExpressionLimits(maxSourceLength: 100_000)) == nil)
    }

    @Test("nested closures over large lists stop at the step limit")
    func stepLimit() throws {
        let list = Value.list((0..<1_000).map { .int($0) })
        let env = environment(meta: ["l": list])
        let expression = try compiled("all(meta.l, {all(meta.l, {# >= 0})})")
        guard case .failure(let error) = expression.evaluate(env) else {
            Issue.record("expected the step limit")
            return
        }
        #expect(error.kind == .stepLimit)
        #expect(error.message == "evaluation exceeded 100000 steps; simplify the expression or bound the input lists")
        // The same expression over a small list is fine.
        #expect(expression.evaluateBool(environment(meta: ["l": [1, 2, 3]])) == .success(true))
    }

    @Test("in over a large list counts toward the step limit")
    func membershipSteps() throws {
        let env = environment(meta: ["l": .list((0..<200).map { .int($0) })])
        let limits = ExpressionLimits(maxSteps: 10_000)
        let expression = try compiled("none(meta.l, {-1 in meta.l})", limits: limits)
        guard case .failure(let error) = expression.evaluate(env) else {
            Issue.record("expected the step limit")
            return
        }
        #expect(error.kind == .stepLimit)
    }

    @Test(
        "produced collections are bounded",
        arguments: [
            "len(split(meta.s, \"\")) > 0", "len(split(meta.s, \",\")) > 0", "len(map(meta.l, {#})) > 0",
            "len(filter(meta.l, true)) > 0",
        ])
    func collectionSize(source: String) throws {
        let env = environment(meta: [
            "s": .string(String(repeating: "a,", count: 50)), "l": .list((0..<50).map { .int($0) }),
        ])
        let expression = try compiled(source, limits: ExpressionLimits(maxCollectionSize: 20))
        guard case .failure(let error) = expression.evaluate(env) else {
            Issue.record("expected the size limit")
            return
        }
        #expect(error.kind == .sizeLimit)
    }

    @Test("string concatenation is bounded")
    func stringSize() throws {
        let env = environment(meta: ["s": .string(String(repeating: "a", count: 600))])
        let expression = try compiled("meta.s + meta.s != \"\"", limits: ExpressionLimits(maxStringLength: 1_000))
        guard case .failure(let error) = expression.evaluate(env) else {
            Issue.record("expected the size limit")
            return
        }
        #expect(error.kind == .sizeLimit)
    }

    @Test("comparing deeply nested input values fails cleanly")
    func deepValues() throws {
        var deep = Value.int(1)
        for _ in 0..<1_000 { deep = .list([deep]) }
        let env = environment(meta: ["a": deep, "b": deep])
        #expect(try evaluationError("meta.a == meta.b", env)?.kind == .valueTooDeep)
    }
}

@Suite("nesting just under the limit")
struct NestingAtLimitTests {
    /// The deepest accepted form of each kind of nesting (the default limit is 128).
    static let deepest = [
        String(repeating: "(", count: 126) + "true" + String(repeating: ")", count: 126),
        String(repeating: "!", count: 126) + "true",
        String(repeating: "-", count: 126) + "1 > 0",
        String(repeating: "[", count: 126) + String(repeating: "]", count: 126) + " != nil",
        String(repeating: "true ? ", count: 62) + "true" + String(repeating: " : false", count: 62),
        String(repeating: "upper(", count: 62) + "\"a\"" + String(repeating: ")", count: 62) + " == \"A\"",
        String(repeating: "all([1], {", count: 40) + "# == 1" + String(repeating: "})", count: 40),
        "meta" + String(repeating: "?.a", count: 126) + " == nil",
        "action" + String(repeating: " + action", count: 126) + " != \"\"",
    ]

    @Test("every nesting form loads and evaluates just under the depth limit", arguments: deepest)
    func underLimit(source: String) throws {
        let expression = try compiled(source)
        #expect(expression.evaluateBool(environment()) == .success(true))
        #expect((try? expression.explain(environment()).result.get()) == .bool(true))
    }

    @Test("one more level of each form is a load error")
    func overLimit() {
        let over = [
            String(repeating: "(", count: 128) + "true" + String(repeating: ")", count: 128),
            String(repeating: "!", count: 128) + "true",
            "meta" + String(repeating: "?.a", count: 128) + " == nil",
        ]
        for source in over { #expect(loadDiagnostics(source)?.first?.code == .tooDeep) }
    }
}
