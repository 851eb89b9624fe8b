import Testing
import WardenPolicy
import WardenValue

@Suite("explain")
struct ExplainTests {
    @Test func everyPolicyInScopeIsExplainedWithConditionValues() throws {
        let set = try compiled([
            policy("admin", conditions: [condition("actor.meta.role", .eq, "admin")]),
            policy(
                "owner", actions: ["document.*"],
                conditions: [
                    condition("meta.owner", .eq, from: "actor.id"), condition("meta.level", .lt, 3),
                ]),
            policy("writes", .deny, actions: ["document.write"]),
        ])
        let explanation = set.explain(
            request(
                "document.read", "doc:1", actor: Actor(id: "u", meta: ["role": "user"]),
                meta: ["owner": "u", "level": 2]),
            in: set.allPolicies)
        #expect(explanation.decision == Decision(outcome: .allow, policies: ["t:owner"]))
        #expect(explanation.revision == set.revision)
        #expect(explanation.policies.map(\.id) == ["t:admin", "t:owner", "t:writes"])

        let admin = explanation.policies[0]
        #expect(admin.result == .undefined)
        #expect(admin.actionMatched && admin.resourceMatched)
        #expect(admin.conditions.count == 1)
        #expect(admin.conditions[0].fieldValue == "user")
        #expect(admin.conditions[0].comparedValue == "admin")
        #expect(admin.conditions[0].outcome == .fails)

        let owner = explanation.policies[1]
        #expect(owner.result == .allow)
        #expect(owner.conditions.map(\.outcome) == [.holds, .holds])
        #expect(owner.conditions[0].fieldValue == "u")
        #expect(owner.conditions[0].comparedValue == "u")
        #expect(owner.conditions[1].field == "meta.level")
        #expect(owner.conditions[1].op == .lt)

        let writes = explanation.policies[2]
        #expect(!writes.actionMatched)
        #expect(writes.result == .undefined)
        #expect(writes.conditions.isEmpty)
    }

    @Test func errorsAndMissingFieldsAreExplained() throws {
        let set = try compiled([policy("n", conditions: [condition("meta.n", .gt, 1), condition("meta.gone", .eq, 1)])])
        let explanation = set.explain(request(meta: ["n": "high"]), in: set.allPolicies)
        let policy = try #require(explanation.policies.first)
        #expect(policy.result == .undefined)
        // The second condition is false, which decides the AND: the policy itself has no error.
        #expect(policy.error == nil)
        #expect(
            policy.conditions[0].outcome
                == .error("`gt` compares numbers, but `meta.n` is string `high` and the value is int `1`"))
        #expect(policy.conditions[1].fieldValue == nil)
        #expect(policy.conditions[1].outcome == .fails)
    }

    @Test func aDenyPolicyThatErrorsIsExplainedAsDenyingWithItsError() throws {
        let set = try compiled([policy("a"), policy("d", .deny, conditions: [condition("meta.n", .gt, 1)])])
        let explanation = set.explain(request(meta: ["n": "high"]), in: set.allPolicies)
        #expect(explanation.decision.outcome == .deny)
        #expect(explanation.decision.policies == ["t:d"])
        let deny = try #require(explanation.policies.first { $0.id == "t:d" })
        #expect(deny.result == .deny)
        #expect(
            deny.error == "condition 1: `gt` compares numbers, but `meta.n` is string `high` and the value is int `1`")
    }

    @Test func expressionPoliciesCarryATrace() throws {
        let set = try load(
            """
            namespace: t
            entries:
              - name: e
                kind: security.policy.expr
                policy: {actions: "*", resources: "*", effect: allow, expression: 'actor.meta.role == "admin"'}
            """
        ).get()
        let explanation = set.explain(request(actor: Actor(id: "u", meta: ["role": "admin"])), in: set.allPolicies)
        let trace = try #require(explanation.policies.first?.expression)
        #expect(try trace.result.get() == true)
        #expect(!trace.steps.isEmpty)
        #expect(explanation.decision.outcome == .allow)
    }
}
