import Foundation
import Testing
import WardenValue

/// The real `warden serve` picks up policy edits: with `--watch` by itself, without it on
/// SIGHUP; a broken edit keeps the old answers and is reported by `GET /v1/policies`.
@Suite("warden serve reloads edited policies", .serialized, .timeLimit(.minutes(2)))
struct LiveReloadTests {
    static let request = ReloadAndStatusTests.request

    /// POSTs (or GETs, without a body) `path` with curl; the answer's JSON.
    static func call(_ server: LiveServer, _ path: String, body: String? = nil) async throws -> Value? {
        let arguments = ["-s", server.url + path] + (body.map { ["-d", $0] } ?? [])
        return try? Value(json: try await LiveServer.run("/usr/bin/curl", arguments).output)
    }

    /// Asks until `condition` holds, for at most 20 seconds (the watcher notices within about
    /// 1 s; the bound only keeps a broken server from hanging the suite).
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test(arguments: [true, false])
    func anEditChangesTheDecisionAndABrokenEditKeepsIt(watch: Bool) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = try ServiceClient.write(ReloadAndStatusTests.allowAll, to: "policies.yaml", in: directory)
            let server = try await LiveServer(["--policies", directory.path] + (watch ? ["--watch"] : []))
            let first = try await Self.call(server, "/v1/decide", body: Self.request)
            #expect(first?["decision"] == "allow")

            try ServiceClient.write(ReloadAndStatusTests.denySend, to: "policies.yaml", in: directory)
            if !watch { kill(server.process.processIdentifier, SIGHUP) }
            #expect(
                try await Self.eventually {
                    try await Self.call(server, "/v1/decide", body: Self.request)?["decision"] == "deny"
                })
            let second = try await Self.call(server, "/v1/decide", body: Self.request)
            #expect(second?["revision"] != first?["revision"])

            try "namespace: t\nentries:\n  - name: broken\n    kind: security.policy\n    policy: {effect: maybe}\n"
                .write(toFile: path, atomically: true, encoding: .utf8)
            if !watch { kill(server.process.processIdentifier, SIGHUP) }
            #expect(
                try await Self.eventually {
                    try await Self.call(server, "/v1/policies")?["last_reload"]?["ok"] == false
                })
            let status = try await Self.call(server, "/v1/policies")
            #expect(status?["revision"] == second?["revision"])
            #expect(status?["last_reload"]?["errors"]?.listValue?.isEmpty == false)
            #expect(
                try await Self.call(server, "/v1/decide", body: Self.request) == second, "the old set keeps serving")
            #expect(await server.stop() == 0)
        }
    }
}
