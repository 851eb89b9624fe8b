import Testing
import WardenExpression
import WardenValue

/// The expression cases (E*) of the shared conformance vectors, as direct tests. A policy is
/// `allow` when the expression evaluates to `true`, `undefined` on `false`, a non-boolean or an
/// error, and `load_error` when it does not compile.
@Suite("conformance vectors E*")
struct ConformanceTests {
    enum Outcome { case allow, undefined, loadError }

    static func outcome(_ source: String, _ env: ExpressionEnvironment) -> Outcome {
        guard case .success(let expression) = ExpressionCompiler.compile(source) else { return .loadError }
        if case .success(true) = expression.evaluateBool(env) { return .allow }
        return .undefined
    }

    @Test("E01 actor meta equality allows")
    func e01() {
        let env = environment(actor: Actor(id: "a", meta: ["role": "admin"]), action: "any.action", resource: "any")
        #expect(Self.outcome(#"actor.meta.role == "admin""#, env) == .allow)
    }

    @Test("E03 matches with an anchored pattern and action equality allow")
    func e03() {
        let env = environment(actor: Actor(id: "a"), action: "document.read", resource: "document:123")
        #expect(Self.outcome(#"resource matches "^document:.*" && action == "document.read""#, env) == .allow)
    }

    @Test("E06 all() over tags with a private tag is false")
    func e06() {
        let env = environment(action: "document.read", resource: "doc:1", meta: ["tags": ["public", "private"]])
        #expect(
            Self.outcome(#"action in ["document.read", "document.list"] && all(meta.tags, {# != "private"})"#, env)
                == .undefined)
    }

    @Test("E07 member access on nil is an evaluation error")
    func e07() throws {
        let env = environment(action: "read", resource: "r")
        #expect(Self.outcome("meta.missing.x == 1", env) == .undefined)
        let error = try #require(try evaluationError("meta.missing.x == 1", env))
        #expect(error.kind == .nilMember)
        #expect(error.position == SourcePosition(line: 1, column: 13))
    }

    @Test("E09 arithmetic can never be boolean: load error")
    func e09() {
        #expect(Self.outcome("1 + 2", environment()) == .loadError)
    }

    @Test("E10 actor.ID is an unknown member: evaluation error, not a load error")
    func e10() throws {
        let env = environment(actor: Actor(id: "u", meta: ["role": "x"]), action: "read", resource: "r")
        #expect(Self.outcome(#"actor.ID == "u" && actor.Meta.role == "x""#, env) == .undefined)
        let error = try #require(try evaluationError(#"actor.ID == "u""#, env))
        #expect(error.kind == .unknownMember)
        #expect(error.message.contains("`id`"))
    }

    @Test("E11 undefined names are nil")
    func e11() {
        #expect(Self.outcome("foo == nil", environment(action: "read", resource: "r")) == .allow)
    }

    @Test("E14 a nil result is not true")
    func e14() throws {
        let env = environment(action: "read", resource: "r")
        #expect(Self.outcome("meta.flag", env) == .undefined)
        let result = try compiled("meta.flag").evaluateBool(env)
        guard case .failure(let error) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .notBoolean)
        #expect(error.message.hasPrefix("expression returned `nil`"))
    }

    @Test("E16 optional chaining yields nil")
    func e16() {
        #expect(Self.outcome("meta?.missing?.x == nil", environment(action: "read", resource: "r")) == .allow)
    }

    @Test("E18 no implicit coercion between strings and numbers")
    func e18() {
        #expect(Self.outcome("meta.n == 1", environment(action: "read", resource: "r", meta: ["n": "1"])) == .undefined)
    }
}

@Suite("evaluateBool")
struct EvaluateBoolTests {
    @Test(
        "a non-boolean result is an error naming its type",
        arguments: [
            (
                Value.string("x"),
                "expression returned `string` (`\"x\"`), not a boolean; compare it, e.g. `... == true`"
            ),
            (.int(3), "expression returned `int` (`3`), not a boolean; compare it, e.g. `... == true`"),
            (.list([1, 2]), "expression returned `list` (a list of 2), not a boolean; compare it, e.g. `... == true`"),
            (.null, "expression returned `nil`, not a boolean; compare it, e.g. `... == true`"),
        ])
    func nonBoolean(result: Value, message: String) throws {
        let expression = try compiled("meta.v")
        let outcome = expression.evaluateBool(environment(meta: ["v": result]))
        guard case .failure(let error) = outcome else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .notBoolean)
        #expect(error.code == "expr-not-boolean")
        #expect(error.message == message)
        #expect(error.position == .start)
    }

    @Test("a boolean result passes through")
    func boolean() throws {
        #expect(try compiled("meta.v").evaluateBool(environment(meta: ["v": true])) == .success(true))
        #expect(try compiled("meta.v").evaluateBool(environment(meta: ["v": false])) == .success(false))
    }
}
