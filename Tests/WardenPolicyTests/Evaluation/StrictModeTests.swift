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
}
