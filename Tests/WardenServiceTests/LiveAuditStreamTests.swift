import Foundation
import Testing

/// `GET /v1/audit/stream` through the built `warden serve`: records written after a client
/// connects reach it, filtered, and shutdown ends open streams.
@Suite("audit stream", .serialized, .timeLimit(.minutes(2)))
struct LiveAuditStreamTests {
    private static let policies = ServiceClient.root.appendingPathComponent("policies").path

    @Test func theStreamDeliversTheMatchingRecordsAppendedAfterConnecting() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(5, to: path)
            let server = try await LiveAuditServer(["--policies", Self.policies, "--audit-source", path])
            let stream = try StreamingCurl(server.url + "/v1/audit/stream?decision=deny")
            _ = try await stream.wait { $0.contains(": following") }

            try await AuditFixtureLog.append((5..<12).map { AuditFixtureLog.entry($0) }, to: path)
            let expected = try await WardenBinary.run([
                "audit", "query", path, "--format", "jsonl", "--decision", "deny", "--since", "2025-01-01T00:05:00Z",
            ]).output.split(separator: "\n").map(String.init)
            #expect(expected.count == 2)
            let text = try await stream.wait { StreamingCurl.records(in: $0).count >= expected.count }
            #expect(StreamingCurl.records(in: text) == expected)

            await server.stop(SIGTERM)
            #expect(server.process.terminationStatus == 0)
            _ = try await stream.wait(seconds: 10) { _ in !stream.isRunning }
            #expect(!stream.isRunning)
            await stream.stop()
        }
    }
}
