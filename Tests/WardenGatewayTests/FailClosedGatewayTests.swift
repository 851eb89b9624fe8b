import Testing
import WardenGateway
import WardenRuntime
import WardenValue

/// The gateway with a deny policy that cannot be evaluated: the call is refused, and the audit
/// record's check carries the decision, the denying policy and the error.
@Suite("Gateway: deny policies fail closed")
struct FailClosedGatewayTests {
    static let yaml =
        policies() + """
              - name: deny_high
                kind: security.policy
                policy:
                  actions: "*"
                  resources: "*"
                  effect: deny
                  conditions:
                    - {field: actor.meta.level, operator: gt, value: 3}
                groups: [all]
              - name: no_evil
                kind: security.policy
                policy:
                  actions: "*"
                  resources: "*"
                  effect: deny
                  conditions:
                    - {field: actor.id, operator: matches, value: '^(?:(a+)+$|.*evil)'}
                groups: [all]

            """

    @Test("a deny policy whose condition errors refuses the call and the record says why")
    func erroringDenyRefuses() async throws {
        let harness = try GatewayHarness(policies: Self.yaml)
        let caller = GatewayHarness.caller(actor: Actor(id: "u", meta: ["level": "high"]))
        let error = await #expect(throws: ProcessError.self) {
            try await harness.gateway.link(.pid(GatewayHarness.targetPID), caller: caller)
        }
        #expect(error?.kind == .permissionDenied)
        #expect(harness.forwarded.isEmpty)
        let check = try #require(try await harness.records().first?["checks"]?.listValue?.first)
        #expect(check["decision"] == "deny")
        #expect(check["policies"] == ["t:deny_high"])
        let message = try #require(check["errors"]?.listValue?.first?.stringValue)
        #expect(message.hasPrefix("t:deny_high: condition 1: `gt` compares numbers"))
    }

    @Test("the same caller with a numeric level passes", arguments: [1, 3])
    func numericLevelPasses(_ level: Int) async throws {
        let harness = try GatewayHarness(policies: Self.yaml)
        let caller = GatewayHarness.caller(actor: Actor(id: "u", meta: ["level": .int(level)]))
        try await harness.gateway.link(.pid(GatewayHarness.targetPID), caller: caller)
        #expect(harness.forwarded == ["link"])
    }

    @Test("the slow regular expression attack is refused", arguments: [22, 26, 10_000])
    func slowRegexAttack(_ count: Int) async throws {
        let harness = try GatewayHarness(policies: Self.yaml)
        let caller = GatewayHarness.caller(actor: Actor(id: String(repeating: "a", count: count) + "!evil"))
        await #expect(throws: ProcessError.self) {
            try await harness.gateway.link(.pid(GatewayHarness.targetPID), caller: caller)
        }
        #expect(harness.forwarded.isEmpty)
        let check = try #require(try await harness.records().first?["checks"]?.listValue?.first)
        #expect(check["policies"] == ["t:no_evil"])
    }
}
