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

    @Test("deep nesting of every kind is bounded", arguments: [
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
        let chain = "1" + String(repeating: " + 1", count: 200) + " == 201"
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

    @Test("produced collections are bounded", arguments: [
        "len(split(meta.s, \"\")) > 0", "len(split(meta.s, \",\")) > 0", "len(map(meta.l, {#})) > 0", "len(filter(meta.l, true)) > 0",
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
