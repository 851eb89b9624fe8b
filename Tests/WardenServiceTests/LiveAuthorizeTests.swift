import Foundation
import Testing
import WardenValue

/// A runtime outside this process (`scripts/foreign-runtime.py`) asks the real `warden serve`
/// before each of its calls; the audit log it leaves verifies and holds each call.
@Suite("warden serve as the gateway of a foreign runtime", .serialized, .timeLimit(.minutes(2)))
struct LiveAuthorizeTests {
    @Test(arguments: ["durable", "async"])
    func aForeignRuntimeIsAuthorizedAndAudited(mode: String) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let audit = directory.appendingPathComponent("audit.jsonl").path
            let policies = ServiceClient.root.appendingPathComponent("policies").path
            let server = try await LiveServer([
                "--policies", policies, "--audit", audit, "--mode", mode, "--node", "gw-live",
            ])
            let script = ServiceClient.root.appendingPathComponent("scripts/foreign-runtime.py").path
            let client = try await LiveServer.run("/usr/bin/env", ["python3", script, server.url])
            #expect(client.status == 0, "\(client.output)")
            #expect(client.output.contains("calls=6 allowed=4 denied=2"), "\(client.output)")
            #expect(await server.stop() == 0)

            let verify = try await WardenBinary.run(["audit", "verify", audit])
            #expect(verify.status == 0, "\(verify.output)")
            let query = try await WardenBinary.run(["audit", "query", audit, "--format", "jsonl"])
            #expect(query.status == 0)
            let records = query.output.split(separator: "\n").compactMap { try? Value(json: String($0)) }
            #expect(records.count == 6)
            #expect(
                records.map { $0["op"]?.stringValue ?? "" } == [
                    "process.spawn_linked", "process.registry.register", "process.send", "process.terminate",
                    "process.registry.unregister", "process.exec",
                ])
            #expect(records.allSatisfy { $0["node"] == "gw-live" })
            let denied = try await WardenBinary.run([
                "audit", "query", audit, "--decision", "deny", "--format", "jsonl",
            ])
            #expect(denied.output.split(separator: "\n").count == 2)
        }
    }
}
