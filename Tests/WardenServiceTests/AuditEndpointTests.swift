import Foundation
import Testing
import WardenAuditRecord
import WardenService
import WardenValue

/// `GET /v1/audit/records`, `/stats` and `/verify` in-process, against the answers of the
/// `warden audit` commands for the same log.
@Suite("audit endpoints")
struct AuditEndpointTests {
    private static func service() throws -> DecisionService {
        try DecisionService(loading: [ServiceClient.root.appendingPathComponent("policies").path])
    }

    /// Every page of `uri` (a records query without a cursor), following `next`.
    private static func walk(_ uri: String, review: AuditReview) async throws -> [[String]] {
        var pages: [[String]] = []
        var cursor: String?
        repeat {
            let separator = uri.contains("?") ? "&" : "?"
            let answer = try await ServiceClient.send(
                try service(), .get, uri + (cursor.map { "\(separator)cursor=\($0)" } ?? ""), audit: review)
            #expect(answer.status == 200, "\(answer.body)")
            let value = try #require(answer.json)
            guard case .list(let records)? = value["records"] else {
                Issue.record("no records in \(answer.body)")
                return pages
            }
            pages.append(records.map { $0.canonicalJSON })
            if case .string(let next)? = value["next"] { cursor = next } else { cursor = nil }
        } while cursor != nil && pages.count < 1_000
        return pages
    }

    /// The lines `warden audit query --format jsonl` prints, newest first.
    private static func cliLines(_ arguments: [String]) async -> [String] {
        let result = try? await WardenBinary.run(["audit", "query", "--format", "jsonl"] + arguments)
        #expect(result?.status == 0)
        return (result?.output ?? "").split(separator: "\n").map(String.init).reversed()
    }

    @Test(arguments: [1, 7, 50])
    func pagingWalksTheWholeStoreNewestFirstWithNoDuplicateAndNoGap(pageSize: Int) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(103, to: path)
            let pages = try await Self.walk("/v1/audit/records?limit=\(pageSize)", review: AuditReview(path: path))
            let walked = pages.flatMap { $0 }
            #expect(pages.dropLast().allSatisfy { $0.count == pageSize })
            #expect(walked == (await Self.cliLines([path])))
            #expect(Set(walked).count == 103)
        }
    }

    @Test func pagingWalksADatabaseLikeAFile() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            let database = directory.appendingPathComponent("audit.sqlite").path
            try await AuditFixtureLog.write(40, to: path)
            let imported = try await WardenBinary.run(["audit", "import", "--db", database, path])
            #expect(imported.status == 0)
            let pages = try await Self.walk(
                "/v1/audit/records?limit=6&decision=deny", review: AuditReview(path: database))
            #expect(pages.flatMap { $0 } == (await Self.cliLines(["--db", database, "--decision", "deny"])))
            #expect(pages.flatMap { $0 }.count == 14)
        }
    }

    @Test func statsCountDeniedActionsOverFilesAndDatabases() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            // Entries 0, 3, 6, ... are denied, and all of them are `process.send`: 30 of 90.
            let path = directory.appendingPathComponent("audit.jsonl").path
            let database = directory.appendingPathComponent("audit.sqlite").path
            try await AuditFixtureLog.write(90, to: path)
            _ = try await WardenBinary.run(["audit", "import", "--db", database, path])
            for source in [path, database] {
                let answer = try await ServiceClient.send(
                    try Self.service(), .get, "/v1/audit/stats", audit: AuditReview(path: source))
                #expect(answer.json?["top_denied_actions"] == [["key": "process.send", "count": 30]])
            }
        }
    }

    @Test(arguments: [
        ["actor": "user:a"], ["actor": "user:*", "decision": "deny"], ["decision": "allow"], ["op": "process.s*"],
        ["action": "process.terminate", "resource": "{app:processes|0x1}"], ["policy": "app:no_*"],
        ["since": "2025-01-01T00:30:00Z", "until": "2025-01-01T01:00:00Z"], ["pid": "{app:processes|0x9}"],
    ])
    func filtersSelectWhatTheQueryCommandSelects(filters: [String: String]) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(80, to: path)
            let query = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.percentEncoded($0.value))" }.joined(
                separator: "&")
            let pages = try await Self.walk("/v1/audit/records?limit=500&\(query)", review: AuditReview(path: path))
            let expected = await Self.cliLines(
                [path] + filters.sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] })
            #expect(!expected.isEmpty)
            #expect(pages.flatMap { $0 } == expected)
        }
    }

    private static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @Test(arguments: [
        ("", [String]()), ("decision=deny&bucket=1h", ["--decision", "deny", "--by", "1h"]),
        ("actor=user:*&top=3&bucket=15m", ["--actor", "user:*", "--top", "3", "--by", "15m"]),
        ("node=gw&decision=deny", ["--node", "gw", "--decision", "deny"]), ("node=gw-2", ["--node", "gw-2"]),
    ])
    func statsAnswerWhatTheStatsCommandPrints(query: String, arguments: [String]) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(90, to: path)
            let answer = try await ServiceClient.send(
                try Self.service(), .get, "/v1/audit/stats?\(query)", audit: AuditReview(path: path))
            #expect(answer.status == 200, "\(answer.body)")
            let cli = try await WardenBinary.run(["audit", "stats", path, "--format", "json"] + arguments)
            #expect(cli.status == 0)
            let served = try #require(answer.json)
            #expect(served == (try Value(json: cli.output)))
            #expect(served["top_denied_actions"] != nil)
            // Records of node `gw` only: another node's filter selects none of them.
            #expect((served["records"] == .int(0)) == query.contains("node=gw-2"), "\(query): \(answer.body)")
        }
    }

    @Test func verifyReportsTheChainAndTheFirstBreakOfATamperedLog() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(12, to: path)
            let review = AuditReview(path: path)
            let good = try #require(
                try await ServiceClient.send(try Self.service(), .get, "/v1/audit/verify", audit: review).json)
            #expect(good["ok"] == .bool(true))
            #expect(good["records"] == .int(12))
            #expect(good["head"]?["seq"] == .int(12))
            #expect(good["break"] == .null)

            var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            lines[4] = lines[4].replacingOccurrences(of: "\"user:", with: "\"mallory:")
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

            let bad = try #require(
                try await ServiceClient.send(try Self.service(), .get, "/v1/audit/verify", audit: review).json)
            #expect(bad["ok"] == .bool(false))
            #expect(bad["break"]?["seq"] == .int(5))
            #expect(bad["break"]?["code"] == .string(AuditChainBreak.Kind.alteredRecord.rawValue))

            let records = try await ServiceClient.send(try Self.service(), .get, "/v1/audit/records", audit: review)
            #expect(records.status == 409)
            #expect(records.json?["error"]?["code"] == .string("audit-chain-break"))
            let anyway = try await ServiceClient.send(
                try Self.service(), .get, "/v1/audit/records?verify=false&limit=500", audit: review)
            #expect(anyway.status == 200)
        }
    }

    @Test func theRecordViewFindsOneRecordById() async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(20, to: path)
            let line = try #require(await Self.cliLines([path]).dropFirst(6).first)
            let id = try #require(try Value(json: line)["id"])
            guard case .string(let text) = id else {
                Issue.record("no id in \(line)")
                return
            }
            let answer = try await ServiceClient.send(
                try Self.service(), .get, "/v1/audit/records?id=\(text)", audit: AuditReview(path: path))
            guard case .list(let records)? = answer.json?["records"] else {
                Issue.record("\(answer.body)")
                return
            }
            #expect(records.map(\.canonicalJSON) == [line])
        }
    }

    @Test(arguments: [
        ("/v1/audit/records?colour=red", 400, "unknown-parameter", "`colour`"),
        ("/v1/audit/records?decision=maybe", 400, "invalid-filter", "`decision=maybe`"),
        ("/v1/audit/records?since=yesterday", 400, "invalid-filter", "`since=yesterday`"),
        ("/v1/audit/records?limit=0", 400, "invalid-value", "`limit=0`"),
        ("/v1/audit/records?limit=501", 400, "invalid-value", "`limit=501`"),
        ("/v1/audit/records?cursor=abc", 400, "invalid-cursor", "`cursor=abc`"),
        ("/v1/audit/stats?bucket=often", 400, "invalid-value", "`bucket=often`"),
        ("/v1/audit/verify?actor=x", 400, "unknown-parameter", "`actor`"),
        ("/v1/audit/stream?backlog=-1", 400, "invalid-value", "`backlog=-1`"),
    ])
    func badParametersAreRefusedWithAClearError(uri: String, status: Int, code: String, mention: String) async throws {
        try await ServiceClient.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("audit.jsonl").path
            try await AuditFixtureLog.write(3, to: path)
            let answer = try await ServiceClient.send(try Self.service(), .get, uri, audit: AuditReview(path: path))
            #expect(answer.status == status)
            #expect(answer.json?["error"]?["code"] == .string(code))
            guard case .string(let message)? = answer.json?["error"]?["message"] else {
                Issue.record("no message in \(answer.body)")
                return
            }
            #expect(message.contains(mention))
        }
    }

    @Test(arguments: ["/v1/audit/records", "/v1/audit/stats", "/v1/audit/verify", "/v1/audit/stream"])
    func withoutAnAuditSourceTheRoutesSaySoWith404(uri: String) async throws {
        let answer = try await ServiceClient.send(try Self.service(), .get, uri)
        #expect(answer.status == 404)
        #expect(answer.json?["error"]?["code"] == .string("no-audit-source"))
    }

    @Test func theRoleTableNamesEveryAuditRouteWithTheAuditRole() {
        #expect(
            AuditRoutes.roles.map(\.path).sorted() == [
                "/v1/audit/records", "/v1/audit/stats", "/v1/audit/stream", "/v1/audit/verify",
            ])
        #expect(AuditRoutes.roles.allSatisfy { $0.role == "audit" && $0.method == "GET" })
    }
}
