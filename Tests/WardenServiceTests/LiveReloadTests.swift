import Foundation
import Testing
import WardenValue

/// The real `warden serve` picks up policy edits: with `--watch` by itself, without it on
/// SIGHUP; a broken edit keeps the old answers and is reported by `GET /v1/policies`.
@Suite("warden serve reloads edited policies", .serialized, .timeLimit(.minutes(2)))
struct LiveReloadTests {
    static let request = ReloadAndStatusTests.request

    /// POSTs (or GETs, without a body) `path` with curl; the answer's JSON.
    static func call(_ server: LiveServer, _ path: String, body: String? = nil) throws -> Value? {
        let arguments = ["-s", server.url + path] + (body.map { ["-d", $0] } ?? [])
        return try? Value(json: try LiveServer.run("/usr/bin/curl", arguments).output)
    }

    /// Asks until `condition` holds, for at most 20 seconds (the watcher notices within about
    /// 1 s; the bound only keeps a broken server from hanging the suite).
    static func eventually(_ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    @Test(arguments: [true, false])
    func anEditChangesTheDecisionAndABrokenEditKeepsIt(watch: Bool) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = try ServiceClient.write(ReloadAndStatusTests.allowAll, to: "policies.yaml", in: directory)
            let server = try LiveServer(["--policies", directory.path] + (watch ? ["--watch"] : []))
            let first = try Self.call(server, "/v1/decide", body: Self.request)
            #expect(first?["decision"] == "allow")

            try ServiceClient.write(ReloadAndStatusTests.denySend, to: "policies.yaml", in: directory)
            if !watch { kill(server.process.processIdentifier, SIGHUP) }
            #expect(
                try Self.eventually { try Self.call(server, "/v1/decide", body: Self.request)?["decision"] == "deny" })
            let second = try Self.call(server, "/v1/decide", body: Self.request)
            #expect(second?["revision"] != first?["revision"])

            try "namespace: t\nentries:\n  - name: broken\n    kind: security.policy\n    policy: {effect: maybe}\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            if !watch { kill(server.process.processIdentifier, SIGHUP) }
            #expect(try Self.eventually { try Self.call(server, "/v1/policies")?["last_reload"]?["ok"] == false })
            let status = try Self.call(server, "/v1/policies")
            #expect(status?["revision"] == second?["revision"])
            #expect(status?["last_reload"]?["errors"]?.listValue?.isEmpty == false)
            #expect(try Self.call(server, "/v1/decide", body: Self.request) == second, "the old set keeps serving")
            #expect(server.stop() == 0)
        }
    }
}
