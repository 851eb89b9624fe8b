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

    @Test func anErroringDenyDeniesAndIsReported() throws {
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: [condition("meta.n", .gt, 3)])],
            request(meta: ["n": ["list"]]))
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:d"])
        #expect(decision.errors.map(\.policy) == ["t:d"])
        #expect(decision.errors.first?.message.hasPrefix("condition 1: `gt` compares numbers") == true)
    }

    @Test func anErroringDenyDeniesEvenWhenItsEarlierConditionsHold() throws {
        let conditions = [condition("actor.id", .eq, "u"), condition("meta.n", .lte, 3)]
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: conditions)], request(meta: ["n": "high"]))
        #expect(decision.outcome == .deny)
        #expect(decision.errors.first?.message.hasPrefix("condition 2: ") == true)
    }

    @Test func aDenyThatFailsBeforeItsErroringConditionDoesNotApply() throws {
        // The first condition is false, so the condition that would error is never reached.
        let conditions = [condition("actor.id", .eq, "other"), condition("meta.n", .lte, 3)]
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: conditions)], request(meta: ["n": "high"]))
        #expect(decision == Decision(outcome: .allow, policies: ["t:a"]))
    }

    @Test func aFalseConditionAfterAnErroringOneStillKeepsTheDenyFromApplying() throws {
        // AND: the second condition is false, so the policy does not apply whatever the first says.
        let conditions = [condition("meta.n", .lte, 3), condition("actor.id", .eq, "other")]
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: conditions)], request(meta: ["n": "high"]))
        #expect(decision == Decision(outcome: .allow, policies: ["t:a"]))
    }

    @Test func theFirstErroringConditionIsReportedWhenNoneIsFalse() throws {
        let conditions = [
            condition("meta.n", .lte, 3), condition("actor.id", .eq, "u"), condition("meta.m", .gt, 1),
        ]
        let decision = try decide([policy("d", .deny, conditions: conditions)], request(meta: ["n": "x", "m": "y"]))
        #expect(decision.outcome == .deny)
        #expect(decision.errors.map { $0.message.hasPrefix("condition 1: `lte`") } == [true])
    }

    @Test func aDenyReadingTheActorOfARequestWithoutOneDenies() throws {
        let decision = try decide(
            [policy("a"), policy("d", .deny, conditions: [condition("actor.meta.banned", .eq, true)])],
            request(actor: nil))
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:d"])
        #expect(decision.errors.map(\.policy) == ["t:d"])
    }

    @Test func anErroringDenyExpressionDenies() throws {
        let deny = PolicyDefinition(
            namespace: "t", name: "d", effect: .deny, actions: ["*"], resources: ["*"],
            body: .expression("meta.level > 3"))
        let decision = try decide([policy("a"), deny], request(meta: ["level": "high"]))
        #expect(decision.outcome == .deny)
        #expect(decision.policies == ["t:d"])
        #expect(decision.errors.map(\.policy) == ["t:d"])
        let allow = PolicyDefinition(
            namespace: "t", name: "e", effect: .allow, actions: ["*"], resources: ["*"],
            body: .expression("meta.level > 3"))
        let undecided = try decide([allow], request(meta: ["level": "high"]))
        #expect(undecided.outcome == .undefined)
        #expect(undecided.errors.map(\.policy) == ["t:e"])
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
