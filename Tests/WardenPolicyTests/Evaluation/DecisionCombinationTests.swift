import Testing
import WardenPolicy
import WardenValue

@Suite("combining policy results (spec section 2)")
struct DecisionCombinationTests {
    @Test func emptyScopeIsUndefined() throws {
        let set = try compiled([policy("a")])
        let empty = try set.resolve(ScopeSpec()).get()
        #expect(set.evaluate(request(), in: empty) == Decision(outcome: .undefined))
    }

    @Test func anAllowingPolicyAllowsAndIsNamed() throws {
        let decision = try decide([policy("a"), policy("b", actions: ["write"])], request("read"))
        #expect(decision == Decision(outcome: .allow, policies: ["t:a"]))
    }

    @Test func anyDenyWinsAndOnlyDenyingPoliciesAreNamed() throws {
        let decision = try decide(
            [policy("z"), policy("d2", .deny), policy("a"), policy("d1", .deny)], request())
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:d1", "t:d2"])
    }

    @Test func aDenyWhoseConditionFailsDoesNotBlockAllow() throws {
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: [condition("actor.meta.banned", .eq, true)])],
            request(actor: Actor(id: "u", meta: ["banned": false])))
        #expect(decision == Decision(outcome: .allow, policies: ["t:a"]))
    }

    @Test func anErroringPolicyIsUndefinedAndReported() throws {
        let decision = try decide(
            [policy("n", conditions: [condition("meta.n", .lt, 3)])], request(meta: ["n": "high"]))
        #expect(decision.outcome == .undefined)
        #expect(decision.errors.map(\.policy) == ["t:n"])
        #expect(decision.errors.first?.message.hasPrefix("condition 1: `lt` compares numbers") == true)
    }

    @Test func anErroringDenyDoesNotHideAnAllow() throws {
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: [condition("meta.n", .gt, 3)])],
            request(meta: ["n": ["list"]]))
        #expect(decision.outcome == .allow)
        #expect(decision.errors.map(\.policy) == ["t:d"])
    }

    @Test func resultsDoNotDependOnDefinitionOrder() throws {
        let definitions = [
            policy("a", actions: ["read"]), policy("b", .deny, actions: ["write"]), policy("c", actions: ["*"]),
        ]
        for permutation in [definitions, definitions.reversed(), [definitions[1], definitions[2], definitions[0]]] {
            #expect(try decide(permutation, request("read")) == Decision(outcome: .allow, policies: ["t:a", "t:c"]))
            #expect(try decide(permutation, request("write")) == Decision(outcome: .deny, policies: ["t:b"]))
        }
    }

    @Test func aPolicyListingManyMatchingPatternsIsCountedOnce() throws {
        let decision = try decide(
            [policy("a", actions: ["read", "re*", "*", "read.*"], resources: ["*", "r", "r*"])], request("read", "r"))
        #expect(decision == Decision(outcome: .allow, policies: ["t:a"]))
    }
}
