import Testing
import WardenPolicy
import WardenValue

@Suite("strict mode (spec section 2)")
struct StrictModeTests {
    static let set = try? compiled([policy("allow_all"), policy("deny_x", .deny, actions: ["x"])])

    @Test(arguments: [true, false])
    func noActorIsIncomplete(strict: Bool) throws {
        let set = try #require(Self.set)
        let decision = set.authorize(request(actor: nil), scope: set.allPolicies, strict: strict)
        #expect(decision == Decision(outcome: strict ? .deny : .allow, contextComplete: false))
    }

    @Test(arguments: [true, false])
    func noScopeIsIncomplete(strict: Bool) throws {
        let set = try #require(Self.set)
        let decision = set.authorize(request("x"), scope: nil, strict: strict)
        #expect(decision == Decision(outcome: strict ? .deny : .allow, contextComplete: false))
    }

    @Test func strictModeIsOnByDefault() throws {
        let set = try #require(Self.set)
        #expect(set.authorize(request(actor: nil), scope: set.allPolicies).outcome == .deny)
        #expect(set.authorize(request(), scope: nil).outcome == .deny)
    }

    @Test(arguments: [true, false])
    func aCompleteContextIsEvaluated(strict: Bool) throws {
        let set = try #require(Self.set)
        #expect(
            set.authorize(request("read"), scope: set.allPolicies, strict: strict)
                == Decision(outcome: .allow, policies: ["t:allow_all"]))
        #expect(
            set.authorize(request("x"), scope: set.allPolicies, strict: strict)
                == Decision(outcome: .deny, policies: ["t:deny_x"]))
        let empty = try set.resolve(ScopeSpec()).get()
        #expect(set.authorize(request("read"), scope: empty, strict: strict) == Decision(outcome: .undefined))
    }

    /// docs/policy.md section 2: an actor whose id is empty and whose meta is empty is still a
    /// present actor (Wippy's condition code treats it as no actor). Strict mode does not deny it,
    /// and `actor.*` paths resolve against it instead of erroring.
    @Test(arguments: [true, false])
    func anActorWithAnEmptyIdAndNoMetaIsPresent(strict: Bool) throws {
        let emptyActor = Actor(id: "", meta: [:])
        let set = try compiled([
            policy("anonymous_reads", actions: ["read"], conditions: [condition("actor.id", .eq, "")]),
            policy(
                "no_role_writes", .deny, actions: ["write"], conditions: [condition("actor.meta.role", .nexists, true)]),
        ])
        #expect(
            set.authorize(request("read", actor: emptyActor), scope: set.allPolicies, strict: strict)
                == Decision(outcome: .allow, policies: ["t:anonymous_reads"]))
        #expect(
            set.authorize(request("write", actor: emptyActor), scope: set.allPolicies, strict: strict)
                == Decision(outcome: .deny, policies: ["t:no_role_writes"]))
        // Without any actor the same requests are an incomplete context, decided by strict mode.
        #expect(
            set.authorize(request("read", actor: nil), scope: set.allPolicies, strict: strict)
                == Decision(outcome: strict ? .deny : .allow, contextComplete: false))
    }
}

@Suite("the fail-closed decision rule shared by the gateway, check, replay and eval")
struct DecisionRuleTests {
    static let set = try? compiled([policy("allow_all")])

    @Test(arguments: [true, false])
    func aScopeThatDidNotResolveDeniesWithItsReason(strict: Bool) throws {
        let set = try #require(Self.set)
        let unresolved = set.resolve(ScopeSpec(policies: ["t:missing"]))
        let decision = set.decide(request(), scope: unresolved, strict: strict)
        #expect(decision.outcome == .deny)
        #expect(decision.errors.count == 1)
        #expect(decision.errors.first?.message.contains("t:missing") == true)
        #expect(decision.contextComplete)
    }

    @Test(arguments: [true, false])
    func noScopeIsLeftToStrictMode(strict: Bool) throws {
        let set = try #require(Self.set)
        let decision = set.decide(request(), scope: nil, strict: strict)
        #expect(decision == Decision(outcome: strict ? .deny : .allow, contextComplete: false))
    }

    @Test func aResolvedScopeIsEvaluated() throws {
        let set = try #require(Self.set)
        let decision = set.decide(request(), scope: set.resolve(nil), strict: true)
        #expect(decision.outcome == .allow)
        #expect(decision.policies == ["t:allow_all"])
    }

    @Test func noScopeSpecResolvesToEveryPolicy() throws {
        let set = try #require(try? compiled([policy("a"), policy("b", groups: ["g"])]))
        let all = try set.resolve(nil).get()
        #expect(all.count == 2)
        #expect(all.count == set.allPolicies.count)
    }
}
