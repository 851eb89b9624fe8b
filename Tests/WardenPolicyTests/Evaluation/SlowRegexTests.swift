import Testing
import WardenPolicy
import WardenValue

/// The regular expression attack of issue 10: a pattern that backtracks catastrophically in a
/// backtracking engine must neither let a request through nor take long (RE2 runs in linear
/// time). There is no timed assertion: the test simply has to finish, and to deny.
@Suite("a slow regular expression cannot bypass a policy")
struct SlowRegexTests {
    static let pattern = "^(?:(a+)+$|.*evil)"
    static let attacks = [22, 26, 10_000].map { String(repeating: "a", count: $0) + "!evil" }

    static func evaluate(_ definitions: [PolicyDefinition], actor id: String) throws -> Decision {
        try decide(definitions, request(actor: Actor(id: id)))
    }

    @Test("a deny condition with `matches` denies the attack input", arguments: attacks)
    func denyCondition(_ id: String) throws {
        let definitions = [
            policy("all"),
            policy("no_evil", .deny, conditions: [condition("actor.id", .matches, .string(Self.pattern))]),
        ]
        let decision = try Self.evaluate(definitions, actor: id)
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:no_evil"])
        #expect(decision.errors.isEmpty)
    }

    @Test("a deny expression with `matches` denies the attack input", arguments: attacks)
    func denyExpression(_ id: String) throws {
        let deny = PolicyDefinition(
            namespace: "t", name: "no_evil", effect: .deny, actions: ["*"], resources: ["*"],
            body: .expression("actor.id matches \"\(Self.pattern)\""))
        let decision = try Self.evaluate([policy("all"), deny], actor: id)
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:no_evil"])
        #expect(decision.errors.isEmpty)
    }

    @Test("an allow condition with `nmatches` does not grant the attack input", arguments: attacks)
    func nmatchesAllow(_ id: String) throws {
        let definitions = [
            policy("not_evil", conditions: [condition("actor.id", .nmatches, .string(Self.pattern))])
        ]
        let decision = try Self.evaluate(definitions, actor: id)
        #expect(decision.outcome == .undefined)
        #expect(!decision.isAllowed)
        #expect(decision.errors.isEmpty)
    }

    @Test("an allow expression with `not matches` does not grant the attack input", arguments: attacks)
    func notMatchesExpressionAllow(_ id: String) throws {
        let allow = PolicyDefinition(
            namespace: "t", name: "not_evil", effect: .allow, actions: ["*"], resources: ["*"],
            body: .expression("not (actor.id matches \"\(Self.pattern)\")"))
        #expect(try Self.evaluate([allow], actor: id).outcome == .undefined)
    }

    @Test("inputs without `evil` are still told apart")
    func innocentInputs() throws {
        let definitions = [
            policy("all"),
            policy("no_evil", .deny, conditions: [condition("actor.id", .matches, .string(Self.pattern))]),
        ]
        let innocent = String(repeating: "a", count: 10_000) + "!good"
        #expect(try Self.evaluate(definitions, actor: innocent).outcome == .allow)
        #expect(try Self.evaluate(definitions, actor: String(repeating: "a", count: 10_000)).outcome == .deny)
    }
}
