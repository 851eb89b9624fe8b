import Testing
import WardenPolicy
import WardenValue

/// `undefined` is an implicit deny (spec section 2): nothing that yields it may grant access.
@Suite("undefined never allows (spec section 2)")
struct UndefinedNeverAllowsTests {
    @Test(arguments: [(Outcome.allow, true), (.deny, false), (.undefined, false)])
    func onlyAllowGrants(outcome: Outcome, grants: Bool) {
        #expect(outcome.isAllowed == grants)
        #expect(Decision(outcome: outcome).isAllowed == grants)
        #expect(Decision(outcome: outcome, policies: ["t:p"], contextComplete: false).isAllowed == grants)
    }

    @Test func aRequestNoPolicyAppliesToIsUndefinedAndNotAllowed() throws {
        let set = try compiled([policy("read_only", actions: ["read"])])
        let decision = set.evaluate(request("write"), in: set.allPolicies)
        #expect(decision.outcome == .undefined)
        #expect(!decision.isAllowed)
    }

    @Test(arguments: [true, false])
    func anEmptyScopeIsUndefinedAndNotAllowedInEitherMode(strict: Bool) throws {
        let set = try compiled([policy("allow_all")])
        let empty = try set.resolve(ScopeSpec()).get()
        let decision = set.authorize(request(), scope: empty, strict: strict)
        #expect(decision.outcome == .undefined)
        #expect(!decision.isAllowed)
    }

    @Test(arguments: [true, false])
    func anAllowPolicyThatErrorsLeavesTheRequestUndefinedAndNotAllowed(strict: Bool) throws {
        // `lt` on a string that is not numeric is an evaluation error: the allow does not apply.
        let set = try compiled([policy("small_only", conditions: [condition("size", .lt, .int(10))])])
        let decision = set.authorize(request(meta: ["size": "large"]), scope: set.allPolicies, strict: strict)
        #expect(decision.outcome == .undefined)
        #expect(decision.errors.map(\.policy) == ["t:small_only"])
        #expect(!decision.isAllowed)
    }

    @Test func anExpressionThatIsNotBooleanLeavesTheRequestUndefinedAndNotAllowed() throws {
        let set = try compiled([
            PolicyDefinition(
                namespace: "t", name: "odd", effect: .allow, actions: ["*"], resources: ["*"],
                body: .expression("meta.flag"), groups: [])
        ])
        let decision = set.evaluate(request(meta: ["flag": "yes"]), in: set.allPolicies)
        #expect(decision.outcome == .undefined)
        #expect(!decision.isAllowed)
    }
}
