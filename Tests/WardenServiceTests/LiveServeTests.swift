import Foundation
import Testing
import WardenTestSupport

/// The built `warden serve` on an ephemeral loopback port: it answers over a real socket and
/// stops cleanly on SIGTERM and SIGINT.
@Suite("warden serve as a process", .serialized, .timeLimit(.minutes(2)))
struct LiveServeTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func servesAndStopsGracefullyOnASignal(signal: Int32) async throws {
        let policies = ServiceClient.root.appendingPathComponent("policies").path
        let server = try await LiveServer(["--policies", policies])
        defer { server.terminate() }
        #expect(server.url.hasPrefix("http://127.0.0.1:"))

        let (status, body) = try await LiveServer.run(
            "/usr/bin/curl",
            [
                "-s", "-d",
                #"{"actor": {"id": "ops", "meta": {"role": "admin"}}, "action": "process.terminate", "resource": "{app:processes|0x00002}"}"#,
                server.url + "/v1/decide",
            ])
        #expect(status == 0)
        #expect(body.contains(#""decision":"allow""#))

        kill(server.process.processIdentifier, signal)
        let exitStatus = await server.process.exitStatus()
        #expect(server.process.terminationReason == .exit)
        #expect(exitStatus == 0)
    }
}
