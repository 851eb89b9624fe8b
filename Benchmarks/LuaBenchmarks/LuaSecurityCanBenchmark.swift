import Benchmark
import BenchmarkSupport
import Foundation
import Logging
import WardenAuditLog
import WardenGateway
import WardenLocalRuntime
import WardenPolicy
import WardenRuntime
import WardenValue

/// `security.can` from a Lua process behind the gateway: each call is a policy decision for the
/// process's actor and scope, recorded in an `async` audit log (a real JSON Lines file in a
/// temporary directory), 1,000 calls per sample.
func luaSecurityCanBenchmark(_ timing: Benchmark.Configuration) {
    Benchmark("Lua security.can (per call, gateway, async audit)", configuration: timing) { benchmark in
        let runtime = makeRuntime([
            lua(
                "bench:asker",
                """
                local security = require("security")
                return {main = function()
                    local allowed = 0
                    for i = 1, 1000 do
                        if security.can("documents.read", "doc:1") then allowed = allowed + 1 end
                    end
                    return allowed
                end}
                """, modules: ["security"])
        ])
        let policyYAML = """
            namespace: bench
            entries:
              - name: readers
                kind: security.policy
                policy: {actions: "documents.read", resources: "doc:*", effect: allow}
                groups: [app]
            """
        guard case .success(let policies) = PolicyLoader().load(yaml: policyYAML, file: "bench.yaml").result else {
            preconditionFailure("the benchmark policy does not load")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("warden-lua-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let audit = AuditLog(
            node: "bench", sink: try JSONLFileSink(path: directory.appendingPathComponent("audit.jsonl").path),
            mode: .async, failurePolicy: .failClosed, logger: Logger(label: "warden.bench.lua"))
        let gateway = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit)
        let security = SecurityContext(actor: Actor(id: "u1"), scope: SecurityScope(groups: ["bench:app"]))
        let request = StartRequest(definition: "bench:asker", host: benchHost, security: security)
        benchmark.startMeasurement()
        let result = try await gateway.start(request).result()
        benchmark.stopMeasurement()
        precondition(result == .value(.int(1_000)), "security.can did not allow every call: \(result)")
        await gateway.shutdown()
        await audit.shutdown()
    }
}
