import Foundation
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenValue

@testable import WardenCLI

@Suite(.timeLimit(.minutes(5))) struct AuditCommandTests {
    typealias F = AuditCLIFixture

    @Test func verifyPrintsTheHeadAndExitsZeroForAnIntactLog() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let result = try await runAudit(["verify", dir.file("audit.jsonl")])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("ok: 4 records, seq 1...4, head "))
    }

    @Test func verifyNamesTheFirstBrokenRecordAndExitsOne() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        var lines = try dir.lines("audit.jsonl")
        lines[2] = lines[2].replacingOccurrences(of: "\"deny\"", with: "\"allow\"")
        try lines.map { $0 + "\n" }.joined().write(toFile: dir.file("audit.jsonl"), atomically: false, encoding: .utf8)
        let result = try await runAudit(["verify", dir.file("audit.jsonl")])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("verification failed: \(dir.file("audit.jsonl")):3 seq 3: altered record"))
        #expect(result.err.contains("[audit-altered-record]"))
    }

    @Test func importLoadsADatabaseThatVerifiesAndAnswersLikeTheFiles() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"), rotateAtBytes: 1500)
        let files = try AuditFileSet(activePath: dir.file("audit.jsonl")).files()
        #expect(files.count > 1)
        let imported = try await runAudit(["import", "--db", dir.file("audit.db")] + files)
        #expect(imported.code == 0)
        #expect(imported.out.hasPrefix("imported 4 records (skipped 0 already present), head seq 4 "))
        let verified = try await runAudit(["verify", "--db", dir.file("audit.db")])
        #expect(verified.code == 0)
        #expect(verified.out.hasPrefix("ok: 4 records"))
        for filter in [
            ["--actor", "user:alice"], ["--decision", "deny"], ["--action", "process.s*", "--resource", "*0x2}"],
        ] {
            let fromFiles = try await runAudit(["query", "--format", "jsonl"] + filter + files)
            let fromDatabase = try await runAudit(
                ["query", "--format", "jsonl", "--db", dir.file("audit.db")] + filter)
            #expect(fromFiles.code == 0)
            #expect(fromFiles.out == fromDatabase.out)
            #expect(!fromFiles.out.isEmpty)
        }
    }

    @Test func importOfABrokenLogExitsOne() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        var lines = try dir.lines("audit.jsonl")
        lines.remove(at: 1)
        try lines.map { $0 + "\n" }.joined().write(toFile: dir.file("audit.jsonl"), atomically: false, encoding: .utf8)
        let result = try await runAudit(["import", "--db", dir.file("audit.db"), dir.file("audit.jsonl")])
        #expect(result.code == 1)
        #expect(result.err.contains("audit.jsonl:2 seq 3: sequence gap"))
        #expect(result.err.contains("1 record was imported before it"))
    }

    @Test func queryPrintsTheStoredLinesAsJSONLines() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let lines = try dir.lines("audit.jsonl")
        let result = try await runAudit(["query", dir.file("audit.jsonl"), "--decision", "deny"])
        #expect(result.code == 0)
        #expect(result.out == lines[1] + "\n" + lines[2] + "\n")
        let limited = try await runAudit(["query", dir.file("audit.jsonl"), "--limit", "1", "--format", "jsonl"])
        #expect(limited.out == lines[0] + "\n")
    }

    @Test func queryCSVQuotesFieldsWithCommasAndQuotes() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let result = try await runAudit(["query", dir.file("audit.jsonl"), "--format", "csv", "--op", "process.send"])
        let rows = result.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            rows[0] == "time,seq,id,node,op,pid,actor,action,resource,check,decision,policies,error_kind,error_message")
        let ids = try dir.lines("audit.jsonl").map(recordID(of:))
        #expect(
            rows[1]
                == "2025-01-01T00:30:00.000000Z,2,\(ids[1]),gw,process.send,{app:processes|0x9},\"user:\"\"q\"\", x\",process.send,"
                + "{app:processes|0x2},deny,deny,app:no_send,PERMISSION_DENIED,\"not allowed, really\"")
        #expect(
            rows[2]
                == "2025-01-02T00:00:00.000000Z,4,\(ids[3]),gw,process.send,{app:processes|0x9},user:alice,process.send,{app:processes|0x2},allow,allow,app:send,,"
        )
        #expect(rows.count == 4 && rows[3].isEmpty)
    }

    @Test func queryTableIsAlignedWithOneRowPerCheck() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let result = try await runAudit(["query", dir.file("audit.jsonl"), "--actor", "user:alice"], terminal: true)
        let rows = result.out.split(separator: "\n").map(String.init)
        #expect(rows.count == 4)  // header + 2 checks of seq 1 + 1 check of seq 4
        #expect(
            rows[0].hasPrefix(
                "TIME                         SEQ  OP             ACTOR       ACTION         RESOURCE             CHECK  DECISION  POLICIES"
            ))
        #expect(
            rows[1]
                == "2025-01-01T00:00:00.000000Z  1    process.spawn  user:alice  process.spawn  app.workers:h        allow  allow     app:spawn"
        )
        #expect(
            rows[2]
                == "2025-01-01T00:00:00.000000Z  1    process.spawn  user:alice  process.host   app:processes        allow  allow     app:hosts"
        )
        #expect(
            rows[3]
                == "2025-01-02T00:00:00.000000Z  4    process.send   user:alice  process.send   {app:processes|0x2}  allow  allow     app:send"
        )
    }

    @Test func statsCountsByDecisionAndTopListsAsTextAndJSON() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let text = try await runAudit(["stats", dir.file("audit.jsonl"), "--by", "1d", "--top", "2"])
        #expect(text.code == 0)
        #expect(
            text.out.hasPrefix(
                "records  4 (allowed 2, denied 2, failed 2)\nchecks   5 (allow 3, deny 1, undefined 1)\n"))
        #expect(text.out.contains("\ntop actions\n  2  process.send\n  1  process.host\n"))
        #expect(text.out.contains("\ntop denied actors\n  1  (no actor)\n  1  user:\"q\", x\n"))
        #expect(
            text.out.hasSuffix(
                "\nby 1d\n  2025-01-01T00:00:00.000000Z  allow 1  deny 2\n  2025-01-02T00:00:00.000000Z  allow 1  deny 0\n"
            ))
        let json = try await runAudit(["stats", dir.file("audit.jsonl"), "--format", "json", "--top", "1"])
        let value = try Value(json: json.out)
        #expect(value["records"] == 4)
        #expect(value["check_decisions"] == ["allow": 3, "deny": 1, "undefined": 1])
        #expect(value["top_actors"] == [["key": "user:alice", "count": 2]])
        #expect(value["top_denied_resources"] == [["key": "{app:processes|0x1}", "count": 1]])
    }

    @Test(arguments: [
        (["query", "--since", "yesterday", "x.jsonl"], "invalid --since `yesterday`"),
        (["query", "--decision", "maybe", "x.jsonl"], "invalid --decision `maybe`"),
        (["query"], "no audit log given"),
        (["query", "x.jsonl", "--db", "x.db"], "give either audit files or --db, not both"),
        (["stats", "x.jsonl", "--by", "1x"], "invalid --by `1x`"),
        (["tail", "a.jsonl", "b.jsonl"], "tail follows one file"),
    ])
    func invalidInputExitsThree(arguments: [String], message: String) async throws {
        let result = try await runAudit(arguments)
        #expect(result.code == 3)
        #expect(result.err.contains(message))
    }

    @Test func aMissingFileIsAFailure() async throws {
        let result = try await runAudit(["query", "/nonexistent/audit.jsonl"])
        #expect(result.code == 1)
        #expect(result.err.contains("/nonexistent/audit.jsonl: cannot open"))
    }

    @Test(arguments: [
        ("90s", Int64(90)), ("30m", 1800), ("1h", 3600), ("2d", 172_800), ("1w", 604_800), ("1h30m", 5400),
    ])
    func agesCountBackFromNow(text: String, seconds: Int64) throws {
        let now = AuditTime(microseconds: 1_000_000_000_000_000)
        #expect(
            try AuditTimeArgument.parse(text, option: "--since", now: now)
                == now.adding(microseconds: -seconds * 1_000_000))
    }
}

/// The `id` field of a record line.
private func recordID(of line: String) throws -> String {
    try #require(try Value(json: line)["id"]?.stringValue)
}
