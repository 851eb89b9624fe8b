import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WardenService

/// `GET /v1/audit/stream` and the page through the built `warden serve`: records written after a
/// client connects reach it, filtered; shutdown ends open streams; clients that go away free them.
@Suite("audit stream", .serialized, .timeLimit(.minutes(2)))
struct LiveAuditStreamTests {
    private static let policies = ServiceClient.root.appendingPathComponent("policies").path

    @Test func theStreamDeliversTheMatchingRecordsAppendedAfterConnecting() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(5, to: path)
            let server = try LiveServer(["--policies", Self.policies, "--audit-source", path])
            let stream = try StreamingCurl(server.url + "/v1/audit/stream?decision=deny")
            _ = stream.wait { $0.contains(": following") }

            try await AuditFixtureLog.append((5..<12).map { AuditFixtureLog.entry($0) }, to: path)
            let expected = try WardenBinary.run([
                "audit", "query", path, "--format", "jsonl", "--decision", "deny", "--since", "2025-01-01T00:05:00Z",
            ]).output.split(separator: "\n").map(String.init)
            #expect(expected.count == 2)
            let text = stream.wait { StreamingCurl.records(in: $0).count >= expected.count }
            #expect(StreamingCurl.records(in: text) == expected)

            server.stop(SIGTERM)
            #expect(server.process.terminationStatus == 0)
            _ = stream.wait(seconds: 10) { _ in !stream.isRunning }
            #expect(!stream.isRunning)
            stream.stop()
        }
    }

    @Test func backlogSendsTheLastExistingRecordsFirst() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(9, to: path)
            let server = try LiveServer(["--policies", Self.policies, "--audit-source", path])
            let stream = try StreamingCurl(server.url + "/v1/audit/stream?backlog=3")
            let text = stream.wait { $0.contains(": following") }
            let all = try WardenBinary.run(["audit", "query", path, "--format", "jsonl"]).output.split(separator: "\n").map(String.init)
            #expect(StreamingCurl.records(in: text) == Array(all.suffix(3)))
            stream.stop()
            server.stop()
        }
    }

    @Test func aClientThatGoesAwayFreesItsStream() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(2, to: path)
            var stream = AuditStream()
            stream.interval = .milliseconds(20)
            stream.heartbeat = .milliseconds(100)
            let service = try DecisionService(loading: [Self.policies])
            let application = Application(
                router: ServiceRoutes.router(service, audit: AuditReview(path: path), stream: stream),
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)))
            let open = stream.open
            try await application.test(.live) { client in
                let port = try #require(client.port)
                let curl = try StreamingCurl("http://127.0.0.1:\(port)/v1/audit/stream")
                _ = curl.wait { $0.contains(": following") }
                #expect(open.current == 1)
                curl.stop()
                let deadline = Date().addingTimeInterval(10)
                while open.current > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
                #expect(open.current == 0)
            }
        }
    }

    @Test func thePageAndItsFilesAreServedWithAStrictContentSecurityPolicy() async throws {
        let server = try LiveServer(["--policies", Self.policies])
        defer { server.stop() }
        for (path, type, marker) in [
            ("/", "text/html", "<script type=\"module\" src=\"/assets/app.js\">"),
            ("/assets/app.js", "text/javascript", "import"), ("/assets/page.css", "text/css", "--deny"),
        ] {
            let curl = try StreamingCurl(server.url + path, extra: ["-i"])
            let text = curl.wait { $0.contains(marker) }
            curl.stop()
            #expect(text.hasPrefix("HTTP/1.1 200"), "\(path)")
            #expect(text.lowercased().contains("content-type: \(type)"), "\(path)")
            #expect(text.contains("content-security-policy: default-src 'none'; script-src 'self'; style-src 'self';"), "\(path)")
            #expect(!text.lowercased().contains("unsafe-inline"))
        }
        for path in ["/assets/missing.js", "/assets/..%2Fpage.css", "/assets/.hidden"] {
            let curl = try StreamingCurl(server.url + path, extra: ["-i"])
            let text = curl.wait { $0.contains("\r\n\r\n") }
            curl.stop()
            #expect(text.hasPrefix("HTTP/1.1 404"), "\(path): \(text)")
        }
    }
}
