import Foundation
import Testing
import WardenValue

@Suite("warden bench", .timeLimit(.minutes(5)))
struct BenchCommandTests {
    /// One allow policy on `doc:*` for editors and one deny policy on `doc:secret`.
    static let policies = """
        namespace: b
        entries:
          - name: editors_read
            kind: security.policy
            policy:
              actions: [read]
              resources: "doc:*"
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: editor}]
            groups: [all]
          - name: no_secret
            kind: security.policy
            policy: {actions: "*", resources: "doc:secret", effect: deny}
            groups: [all]
        """

    /// Two allowed (editor reads a doc), one denied (the secret), one undefined (a viewer).
    static let requests = """
        {"actor": {"id": "u1", "meta": {"role": "editor"}}, "action": "read", "resource": "doc:1"}

        {"actor": {"id": "u2", "meta": {"role": "editor"}}, "action": "read", "resource": "doc:2"}
        {"actor": {"id": "u1", "meta": {"role": "editor"}}, "action": "read", "resource": "doc:secret"}
        {"actor": {"id": "u3", "meta": {"role": "viewer"}}, "action": "read", "resource": "doc:1"}
        """

    @Test("--format json reports percentiles, rate, allocations and the decisions by outcome")
    func decisionsAsJSON() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let policyFile = try PolicyCLI.write(Self.policies, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(
                ["bench", "--policies", policyFile, "--requests", "-", "--passes", "3", "--format", "json"],
                input: Self.requests)
            #expect(result.code == 0, "\(result.errors)")
            let object = try #require(try Value(json: result.output).mapValue)
            #expect(object["policies"] == 2)
            #expect(object["requests"] == 4)
            #expect(object["passes"] == 3)
            #expect(object["outcomes"] == ["allow": 2, "deny": 1, "undefined": 1])
            let latency = try #require(object["ns_per_decision"]?.mapValue)
            #expect(Set(latency.keys) == ["p50", "p90", "p99"])
            guard case .int(let p50)? = latency["p50"], case .int(let p90)? = latency["p90"],
                case .int(let p99)? = latency["p99"], case .int(let rate)? = object["decisions_per_second"]
            else {
                Issue.record("percentiles and rate must be integers: \(result.output)")
                return
            }
            #expect(0 <= p50 && p50 <= p90 && p90 <= p99)
            #expect(rate > 0)
            #expect(object["allocations_per_decision"] != nil)
            #expect(object["revision"]?.stringValue?.count == 64)
            #expect(
                Set(object.keys) == [
                    "policies", "revision", "load_ms", "requests", "passes", "outcomes", "ns_per_decision",
                    "decisions_per_second", "allocations_per_decision", "clock_ns",
                ])
        }
    }

    @Test("the text report names each figure")
    func decisionsAsText() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let policyFile = try PolicyCLI.write(Self.policies, to: "p.yaml", in: directory)
            let requestFile = try PolicyCLI.write(Self.requests, to: "r.jsonl", in: directory)
            let result = await PolicyCLI.run([
                "bench", "--policies", policyFile, "--requests", requestFile, "--passes", "1",
            ])
            #expect(result.code == 0, "\(result.errors)")
            let lines = result.outputLines
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("policies: 2 (revision "))
            #expect(lines[1] == "requests: 4 (allow 2, deny 1, undefined 1), 1 passes")
            #expect(lines[2].hasPrefix("ns per decision: p50 "))
            #expect(lines[3].hasPrefix("decisions/s: "))
            #expect(lines[4].hasPrefix("allocations per decision: "))
        }
    }

    @Test(
        "argument errors exit 3 and say what to do",
        arguments: [
            (["bench", "--policies", "x"], "give `--requests FILE`"),
            (["bench", "--gateway", "--requests", "-"], "give one of them"),
            (["bench", "--gateway", "--passes", "0"], "`--passes` must be at least 1"),
            (["bench", "--gateway", "--rounds", "0"], "`--rounds` must be at least 1"),
            (["bench", "--gateway", "--sink", "kafka"], "unknown sink `kafka`"),
            (["bench", "--gateway", "--sink", "discard", "--audit", "a.jsonl"], "drop one of them"),
            (["bench", "--policies", "x", "--requests", "-", "--mode", "sync"], "`--mode` applies to `--gateway`"),
        ])
    func argumentErrors(arguments: [String], message: String) async {
        let result = await PolicyCLI.run(arguments)
        #expect(result.code == 3)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("a bad request line or an unknown scope is invalid input, named by its line")
    func badInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let policyFile = try PolicyCLI.write(Self.policies, to: "p.yaml", in: directory)
            let bad = await PolicyCLI.run(
                ["bench", "--policies", policyFile, "--requests", "-"],
                input: "{\"action\": \"read\", \"resource\": \"doc:1\"}\n{\"action\": \"read\"}\n")
            #expect(bad.code == 3)
            #expect(bad.errors.contains("`standard input` line 2: missing `resource`"), "\(bad.errors)")
            let unknown = await PolicyCLI.run(
                ["bench", "--policies", policyFile, "--requests", "-", "--group", "b:nope"], input: Self.requests)
            #expect(unknown.code == 3)
            #expect(unknown.errors.contains("`b:nope`"), "\(unknown.errors)")
            let empty = await PolicyCLI.run(["bench", "--policies", policyFile, "--requests", "-"], input: "\n")
            #expect(empty.code == 3)
            #expect(empty.errors.contains("holds no request"))
        }
    }

    @Test("--gateway --format json reports both variants per call kind and the records written")
    func gatewayAsJSON() async throws {
        let rounds = 20
        let passes = 2
        let result = await PolicyCLI.run(
            [
                "bench", "--gateway", "--sink", "discard", "--rounds", "\(rounds)", "--passes", "\(passes)", "--format",
                "json",
            ])
        #expect(result.code == 0, "\(result.errors)")
        let object = try #require(try Value(json: result.output).mapValue)
        // Per round: the driver's send and the echo's answer, one spawn, register and unregister.
        #expect(object["audit"] == ["sink": "discard", "mode": "async", "records": .int(passes * rounds * 5)])
        let calls = try #require(object["calls"]?.listValue)
        #expect(calls.compactMap { $0["call"]?.stringValue } == ["ping-pong", "spawn", "registry"])
        for call in calls {
            #expect(call["samples"] == .int(rounds * passes))
            #expect(Set(call["bare_ns"]?.mapValue?.keys ?? [:].keys) == ["p50", "p90", "p99"])
            #expect(Set(call["gateway_ns"]?.mapValue?.keys ?? [:].keys) == ["p50", "p90", "p99"])
            switch call["ratio_p50"] {
            case .double(let ratio)?: #expect(ratio > 0)
            case .int(let ratio)?: #expect(ratio > 0)
            default: Issue.record("ratio_p50 must be a number: \(call)")
            }
        }
    }

    @Test("--gateway with policies that refuse the mix fails with the refused call")
    func gatewayRefused() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let policyFile = try PolicyCLI.write(Self.policies, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(
                ["bench", "--gateway", "--policies", policyFile, "--sink", "discard", "--rounds", "2", "--passes", "1"])
            #expect(result.code == 1)
            #expect(result.errors.contains("PERMISSION_DENIED"), "\(result.errors)")
        }
    }
}
