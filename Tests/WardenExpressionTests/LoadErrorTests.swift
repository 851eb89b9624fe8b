import Testing
import WardenExpression
import WardenValue

/// Every load-time diagnostic code, with the position it reports (1-based, within the expression).
@Suite("load errors")
struct LoadErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var code: ExpressionDiagnostic.Code
        var line: Int
        var column: Int
        var messageContains: String
        var testDescription: String { source }
    }

    @Test(
        "each problem is reported with its code, position and a hint",
        arguments: [
            Case(
                source: String(repeating: "a", count: 70_000), code: .tooLong, line: 1, column: 1,
                messageContains: "more than the limit of 65536"),
            Case(source: "action == ", code: .syntax, line: 1, column: 11, messageContains: "expected an operand"),
            Case(source: "action = \"read\"", code: .syntax, line: 1, column: 8, messageContains: "use `==`"),
            Case(source: "a & b", code: .syntax, line: 1, column: 3, messageContains: "`&&`"),
            Case(
                source: "(action == \"a\"", code: .syntax, line: 1, column: 15,
                messageContains: "expected `)` to close `(`"),
            Case(source: "action == \"a\")", code: .syntax, line: 1, column: 14, messageContains: "closes nothing"),
            Case(
                source: "resource startwith \"doc\"", code: .syntax, line: 1, column: 10,
                messageContains: "did you mean the operator `startsWith`?"),
            Case(
                source: "true AND false", code: .syntax, line: 1, column: 6,
                messageContains: "did you mean the operator `and`?"),
            Case(source: "\"abc", code: .syntax, line: 1, column: 1, messageContains: "unterminated string"),
            Case(
                source: "resource matches \"^a\\.b\"", code: .syntax, line: 1, column: 21, messageContains: "raw string"
            ),
            Case(source: "# > 1", code: .syntax, line: 1, column: 1, messageContains: "inside a closure"),
            Case(
                source: "99999999999999999999 > 1", code: .syntax, line: 1, column: 1, messageContains: "out of range"),
            Case(
                source: "{a: 1, a: 2} == nil", code: .syntax, line: 1, column: 8, messageContains: "duplicate map key"),
            Case(source: "meta.x.y() == 1", code: .syntax, line: 1, column: 9, messageContains: "builtin functions"),
            Case(
                source: "true\n  && lenn(meta.tags) > 1", code: .unknownFunction, line: 2, column: 6,
                messageContains: "did you mean `len`?"),
            Case(
                source: "startsWith(resource, \"doc\")", code: .unknownFunction, line: 1, column: 1,
                messageContains: "operator `startsWith`"),
            Case(
                source: "hasPrefix(resource, \"doc\")", code: .unknownFunction, line: 1, column: 1,
                messageContains: "`a startsWith b`"),
            Case(
                source: "frobnicate(1)", code: .unknownFunction, line: 1, column: 1,
                messageContains: "the functions are"),
            Case(
                source: "len(meta.a, meta.b) > 1", code: .arity, line: 1, column: 1,
                messageContains: "`len` takes 1 argument, got 2"),
            Case(source: "all(meta.tags)", code: .arity, line: 1, column: 1, messageContains: "all(list, {predicate})"),
            Case(source: "1 + 2", code: .notBoolean, line: 1, column: 1, messageContains: "can never be a boolean"),
            Case(source: "\"allow\"", code: .notBoolean, line: 1, column: 1, messageContains: "always string"),
            Case(source: "nil", code: .notBoolean, line: 1, column: 1, messageContains: "always nil"),
            Case(source: "upper(action)", code: .notBoolean, line: 1, column: 1, messageContains: "always string"),
            Case(
                source: "action == \"a\" && len(meta.tags)", code: .notBoolean, line: 1, column: 18,
                messageContains: "right side of `&&`"),
            Case(
                source: "all(meta.tags, {# + 1})", code: .notBoolean, line: 1, column: 17,
                messageContains: "predicate of `all`"),
            Case(source: "!resource", code: .notBoolean, line: 1, column: 2, messageContains: "operand of `!`"),
            Case(source: "action - 1 > 0", code: .type, line: 1, column: 8, messageContains: "`-` needs two numbers"),
            Case(
                source: "resource < 3", code: .type, line: 1, column: 10, messageContains: "two numbers or two strings"),
            Case(
                source: "len(1) == 1", code: .type, line: 1, column: 1,
                messageContains: "`len` needs a string, list or map"),
            Case(
                source: "actro.meta.role == \"x\"", code: .type, line: 1, column: 1,
                messageContains: "did you mean `actor`?"),
            Case(source: "action.x == 1", code: .type, line: 1, column: 7, messageContains: "only maps have members"),
            Case(
                source: "resource matches \"(unclosed\"", code: .badRegex, line: 1, column: 18,
                messageContains: "invalid regular expression"),
            Case(source: "resource matches \"\"", code: .badRegex, line: 1, column: 18, messageContains: "empty"),
            Case(
                source: "actor.id matches \"^(a)\\\\1$\"", code: .badRegex, line: 1, column: 18,
                messageContains:
                    "invalid regular expression `^(a)\\1$`: invalid escape sequence: \\1; patterns use RE2 / Go `regexp` syntax"
            ),
            Case(
                source: "actor.id matches \"^user(?=:)\"", code: .badRegex, line: 1, column: 18,
                messageContains: "invalid perl operator: (?="),
            Case(
                source: "resource matches meta.pattern", code: .dynamicRegex, line: 1, column: 18,
                messageContains: "constant string"),
            Case(source: "resource matches 1", code: .type, line: 1, column: 18, messageContains: "must be a string"),
            Case(
                source: "[1, 2, 3, 4] == nil", code: .tooLarge, line: 1, column: 1,
                messageContains: "more than 3 elements"),
            Case(
                source: "{a: 1, b: 2, c: 3, d: 4} == nil", code: .tooLarge, line: 1, column: 1,
                messageContains: "more than 3 elements"),
            Case(
                source: "true &&\n" + String(repeating: "(", count: 200) + "true", code: .tooDeep, line: 2, column: 128,
                messageContains: "deeper than 128 levels"),
            Case(
                source: "\"x\" in \"abc\"", code: .type, line: 1, column: 5,
                messageContains: "a list or a map on the right"),
        ])
    func diagnostic(_ c: Case) throws {
        let limits = ExpressionLimits(maxCollectionSize: 3)
        let diagnostics = try #require(loadDiagnostics(c.source, limits: limits), "expected a load error")
        let first = try #require(diagnostics.first)
        #expect(first.code == c.code, "\(diagnostics)")
        #expect(first.position == SourcePosition(line: c.line, column: c.column), "\(diagnostics)")
        #expect(first.message.contains(c.messageContains), "\(first.message)")
        #expect(first.message.first?.isUppercase == false && first.message.last != ".")
    }

    @Test("every diagnostic code has a stable kebab-case name")
    func codes() {
        #expect(
            ExpressionDiagnostic.Code.allCases.map(\.rawValue) == [
                "expr-syntax", "expr-unknown-function", "expr-arity", "expr-not-boolean", "expr-type", "expr-bad-regex",
                "expr-dynamic-regex", "expr-too-deep", "expr-too-long", "expr-too-large",
            ])
    }

    @Test("several independent problems are all reported")
    func severalProblems() throws {
        let diagnostics = try #require(
            loadDiagnostics("lenn(meta.a) > 1 && resource matches \"(\" && upper(1, 2) == \"\""))
        #expect(diagnostics.items.map(\.code) == [.unknownFunction, .badRegex, .arity])
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() throws {
        let diagnostics = try #require(loadDiagnostics("\"héllo\" == \"x\" && frob()"))
        #expect(diagnostics.first?.position == SourcePosition(line: 1, column: 19))
    }

    @Test(
        "expressions that may be boolean load",
        arguments: [
            "meta.flag", "meta.x ?? false", "true ? meta.a : 1", "actor?.meta.admin", "actor.ID == \"u\"", "foo == nil",
            "#{comment}".isEmpty ? "" : "action == \"a\" // trailing comment", "/* lead */ action == \"a\"",
        ])
    func loads(source: String) {
        guard !source.isEmpty else { return }
        #expect(loadDiagnostics(source) == nil)
    }
}
