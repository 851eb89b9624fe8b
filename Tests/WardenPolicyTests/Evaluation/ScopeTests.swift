import Foundation
import Testing
import WardenPolicy
import WardenValue

@Suite("scopes")
struct ScopeTests {
    static func set() throws -> PolicySet {
        try compiled([
            policy("reader", actions: ["read"], groups: ["t:readers", "t:default"]),
            policy("writer", actions: ["write"], groups: ["t:writers"]),
            policy("other", actions: ["*"], groups: ["x:default"], namespace: "x"),
            policy("lonely", .deny, actions: ["read"]),
        ])
    }

    @Test func aScopeHoldsNamedPoliciesAndGroupMembers() throws {
        let set = try Self.set()
        let scope = try set.resolve(ScopeSpec(policies: ["t:lonely"], groups: ["t:writers"])).get()
        #expect(set.policyIDs(in: scope) == ["t:lonely", "t:writer"])
        #expect(scope.count == 2)
        #expect(set.evaluate(request("write"), in: scope) == Decision(outcome: .allow, policies: ["t:writer"]))
        #expect(set.evaluate(request("read"), in: scope) == Decision(outcome: .deny, policies: ["t:lonely"]))
    }

    @Test func normalizingSortsByBytesAndDropsRepeats() {
        let spec = ScopeSpec(policies: ["t:b", "t:a", "t:b"], groups: ["x:default", "t:Z", "t:a"])
        #expect(spec.normalized == ScopeSpec(policies: ["t:a", "t:b"], groups: ["t:Z", "t:a", "x:default"]))
        #expect(ScopeSpec(policies: ["t:a", "t:a"]).normalized == ScopeSpec(policies: ["t:a"]))
        let sorted = ScopeSpec(policies: ["t:a", "t:b"], groups: ["t:writers"])
        #expect(sorted.normalized == sorted)
    }

    @Test func scopesNamingTheSamePoliciesInAnyOrderResolveAlike() throws {
        let set = try Self.set()
        let first = try set.resolve(ScopeSpec(policies: ["t:lonely", "t:lonely"], groups: ["t:writers", "t:readers"]))
            .get()
        let second = try set.resolve(ScopeSpec(policies: ["t:lonely"], groups: ["t:readers", "t:writers"])).get()
        #expect(set.policyIDs(in: first) == ["t:lonely", "t:reader", "t:writer"])
        #expect(set.policyIDs(in: second) == set.policyIDs(in: first))
    }

    @Test func groupsAreQualifiedByNamespace() throws {
        let set = try Self.set()
        #expect(set.policies(inGroup: "t:default") == ["t:reader"])
        #expect(set.policies(inGroup: "x:default") == ["x:other"])
        #expect(set.groupIDs == ["t:default", "t:readers", "t:writers", "x:default"])
    }

    @Test func policiesOutsideTheScopeAreIgnored() throws {
        let set = try Self.set()
        let scope = try set.resolve(ScopeSpec(groups: ["t:readers"])).get()
        #expect(set.evaluate(request("read"), in: scope) == Decision(outcome: .allow, policies: ["t:reader"]))
        #expect(set.evaluate(request("write"), in: scope) == Decision(outcome: .undefined))
    }

    @Test func anUnknownPolicyIsAnErrorNamingIt() throws {
        let set = try Self.set()
        let result = set.resolve(ScopeSpec(policies: ["t:reader", "t:writr"]))
        #expect(throws: ScopeError.unknownPolicy("t:writr", suggestion: "t:writer")) { try result.get() }
        if case .failure(let error) = result {
            #expect(error.description == "unknown policy `t:writr` in scope; did you mean `t:writer`?")
        }
    }

    @Test func anUnknownGroupIsAnErrorNamingIt() throws {
        let set = try Self.set()
        let result = set.resolve(ScopeSpec(groups: ["nothing:here"]))
        #expect(throws: ScopeError.unknownGroup("nothing:here", suggestion: nil)) { try result.get() }
        if case .failure(let error) = result {
            #expect(
                error.description
                    == "unknown group `nothing:here` in scope; group ids are `namespace:group` and exist once a loaded policy lists them"
            )
        }
    }

    @Test func aBareGroupNameIsNotResolved() throws {
        let set = try Self.set()
        #expect(throws: ScopeError.self) { try set.resolve(ScopeSpec(groups: ["readers"])).get() }
    }

    @Test func aScopeFromAnotherRevisionIsDenied() throws {
        let old = try Self.set()
        let new = try compiled([policy("reader", actions: ["*"])])
        let scope = old.allPolicies
        let decision = new.evaluate(request("read"), in: scope)
        #expect(decision.outcome == .deny)
        #expect(decision.errors.count == 1)
        #expect(decision.errors.first?.message.contains("resolve it again after a reload") == true)
    }

    @Test func aScopeStaysValidForAnIdenticalRecompiledSet() throws {
        let first = try Self.set()
        let second = try Self.set()
        let scope = try first.resolve(ScopeSpec(groups: ["t:readers"])).get()
        #expect(second.evaluate(request("read"), in: scope) == Decision(outcome: .allow, policies: ["t:reader"]))
    }

    @Test func equalScopesResolveToTheSameMembers() throws {
        let set = try Self.set()
        let a = try set.resolve(ScopeSpec(policies: ["t:writer", "t:lonely"])).get()
        let b = try set.resolve(ScopeSpec(policies: ["t:lonely", "t:writer", "t:lonely"])).get()
        #expect(set.policyIDs(in: a) == set.policyIDs(in: b))
    }

    @Test func scopeSpecDecodesWithMissingKeys() throws {
        let spec = try JSONDecoder().decode(ScopeSpec.self, from: Data(#"{"groups":["a:b"]}"#.utf8))
        #expect(spec == ScopeSpec(policies: [], groups: ["a:b"]))
    }
}

@Suite("quoting in scope and condition errors")
struct LongValueQuotingTests {
    @Test func anUnknownScopeIdIsQuotedShort() throws {
        let set = try compiled([policy("p")])
        let id = "t:" + String(repeating: "x", count: 500)
        guard case .failure(let error) = set.resolve(ScopeSpec(policies: [id])) else {
            Issue.record("an unknown id resolved")
            return
        }
        #expect(error.message == "unknown policy `t:\(String(repeating: "x", count: 78))…` (502 characters) in scope")
    }

    @Test func aLongRequestValueInAnEvaluationErrorIsCut() throws {
        let set = try compiled([policy("p", conditions: [condition("meta.n", .gt, 1)])])
        let long = String(repeating: "a", count: 10_000)
        let decision = set.evaluate(request(meta: ["n": .string(long)]), in: set.allPolicies)
        let message = try #require(decision.errors.first?.message)
        #expect(message.contains(String(repeating: "a", count: 80) + "…"))
        #expect(message.utf8.count < 400)
    }
}
