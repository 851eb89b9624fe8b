import Foundation
import Testing
import WardenPostgresTestSupport
import WardenValue

/// `warden serve` writing to and reviewing a PostgreSQL store shared by two nodes: the records
/// route reads the store, verify reports each node's chain, the stream follows it.
@Suite("warden serve over a PostgreSQL store", needsPostgres, .serialized, .timeLimit(.minutes(2)))
struct LivePostgresReviewTests {
    static let policies = ServiceClient.root.appendingPathComponent("policies").path

    static func authorize(_ server: LiveServer, pid: Int) async throws {
        let body = """
            {"op": "terminate", "args": {"dest": "{app:processes|0x0000000\(pid)}"},
             "caller": {"pid": "{app:processes|0x00000001}", "actor": {"id": "ops", "meta": {"role": "admin"}}, "groups": ["app.security:admins"]},
             "target": {"pid": "{app:processes|0x0000000\(pid)}"}}
            """
        let (status, output) = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "-d", body, server.url + "/v1/authorize"])
        try #require(status == 0)
        #expect(output.contains(#""verdict":"allow""#), "\(output)")
    }

    static func get(_ server: LiveServer, _ path: String) async throws -> Value {
        let (status, output) = try await LiveServer.run("/usr/bin/curl", ["-s", "--max-time", "10", server.url + path])
        try #require(status == 0)
        return try Value(json: output)
    }

    @Test("records, verify (one chain per node) and the stream read the store both nodes write")
    func reviewRoutesReadTheSharedStore() async throws {
        let url = PostgresTestServer.commandLine(try PostgresTestServer.freshDatabase())
        let first = try await LiveServer([
            "--policies", Self.policies, "--audit", url, "--node", "gw-1", "--mode", "sync",
        ])
        defer { first.terminate() }
        let second = try await LiveServer([
            "--policies", Self.policies, "--audit", url, "--node", "gw-2", "--mode", "sync",
        ])
        defer { second.terminate() }
        try await Self.authorize(first, pid: 2)
        try await Self.authorize(first, pid: 3)
        try await Self.authorize(second, pid: 4)

        let page = try await Self.get(first, "/v1/audit/records?limit=10")
        guard case .list(let records)? = page["records"] else {
            Issue.record("no records in \(page)")
            return
        }
        #expect(records.count == 3)
        #expect(Set(records.compactMap { $0["node"] }) == [.string("gw-1"), .string("gw-2")])
        let mine = try await Self.get(first, "/v1/audit/records?node=gw-2")
        #expect(mine["records"].map { if case .list(let l) = $0 { l.count } else { -1 } } == 1)

        let verified = try await Self.get(first, "/v1/audit/verify")
        #expect(verified["ok"] == .bool(true), "\(verified)")
        #expect(verified["records"] == .int(3))
        guard case .list(let chains)? = verified["chains"] else {
            Issue.record("no chains in \(verified)")
            return
        }
        let byNode = Dictionary(
            uniqueKeysWithValues: chains.compactMap { chain -> (String, Value)? in
                guard case .string(let node)? = chain["node"] else { return nil }
                return (node, chain)
            })
        #expect(byNode["gw-1"]?["records"] == .int(2))
        #expect(byNode["gw-2"]?["records"] == .int(1))
        #expect(byNode["gw-2"]?["head"]?["seq"] == .int(1))

        let (_, stream) = try await LiveServer.run(
            "/usr/bin/curl", ["-s", "-N", "--max-time", "3", first.url + "/v1/audit/stream?backlog=10"])
        #expect(stream.components(separatedBy: "event: record").count - 1 == 3, "\(stream.prefix(400))")
        #expect(stream.contains(": following"))
    }
}
