import Foundation
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenCLI

/// `keygen`, `verify --key / --expect-head`, and the review commands verifying as they read.
@Suite struct AuditIntegrityCommandTests {
    typealias F = AuditCLIFixture

    /// Writes the fixture's calls, at current times, to a log signed with the key `NAME.key`.
    static func writeSignedLog(_ path: String, keyPath: String, everyRecords: Int = 2) async throws {
        let key = try AuditSigningKey(contentsOf: keyPath)
        let log = AuditLog(
            node: "gw", sink: try JSONLFileSink(path: path, logger: F.quiet), mode: .sync, failurePolicy: .failClosed,
            logger: F.quiet,
            checkpoints: AuditCheckpointing(key: key, everyRecords: everyRecords, interval: .seconds(3600)))
        for (n, var entry) in F.entries.enumerated() {
            entry.time = AuditTime.now().adding(microseconds: Int64(n))
            try await log.record(entry)
        }
        await log.shutdown()
    }

    static func write(_ lines: [String], to path: String) throws {
        try lines.map { $0 + "\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerReadsAndNeverOverwrites() async throws {
        let dir = try AuditCLIDirectory()
        let made = try await runAudit(["keygen", dir.file("signing")])
        #expect(made.code == 0)
        #expect(
            made.out.contains(
                "wrote `\(dir.file("signing.key"))` (private, mode 0600) and `\(dir.file("signing.pub"))`"))
        #expect(try Self.mode(dir.file("signing.key")) == 0o600)
        #expect(try Self.mode(dir.file("signing.pub")) == 0o644)
        let key = try AuditSigningKey(contentsOf: dir.file("signing.key"))
        let publicKey = try AuditPublicKey(contentsOf: dir.file("signing.pub"))
        #expect(key.publicKey == publicKey)
        #expect(made.out.hasSuffix("key id \(publicKey.id)\n"))
        let before = try String(contentsOfFile: dir.file("signing.key"), encoding: .utf8)
        let again = try await runAudit(["keygen", dir.file("signing")])
        #expect(again.code == 1)
        #expect(again.err.contains("`\(dir.file("signing.key"))` already exists: keygen never overwrites a key"))
        #expect(try String(contentsOfFile: dir.file("signing.key"), encoding: .utf8) == before)
    }

    @Test func keysOfTheWrongKindAreRefusedWithAHint() async throws {
        let dir = try AuditCLIDirectory()
        _ = try await runAudit(["keygen", dir.file("k")])
        try await F.writeLog(dir.file("audit.jsonl"))
        let result = try await runAudit(["verify", "--key", dir.file("k.key"), dir.file("audit.jsonl")])
        #expect(result.code == 3)
        #expect(
            result.err.contains(
                "invalid key file `\(dir.file("k.key"))`: it holds the other half of a key pair (give the `.pub` file)")
        )
    }

    @Test func verifyWithTheKeyChecksEveryCheckpoint() async throws {
        let dir = try AuditCLIDirectory()
        _ = try await runAudit(["keygen", dir.file("k")])
        try await Self.writeSignedLog(dir.file("audit.jsonl"), keyPath: dir.file("k.key"))
        let result = try await runAudit(["verify", "--key", dir.file("k.pub"), dir.file("audit.jsonl")])
        #expect(result.code == 0)
        // open, after 2 calls, after 4 calls, final
        #expect(result.out.hasPrefix("ok: 8 records, seq 1...8, head "))
        #expect(result.out.hasSuffix("; 4 signed checkpoints verified\n"))
        #expect(result.err.isEmpty)
        let unchecked = try await runAudit(["verify", dir.file("audit.jsonl")])
        #expect(unchecked.out.hasSuffix("; 4 checkpoints, signatures not checked (give --key)\n"))
    }

    @Test func aRechainedEditFailsVerifyWithTheKey() async throws {
        let dir = try AuditCLIDirectory()
        _ = try await runAudit(["keygen", dir.file("k")])
        try await Self.writeSignedLog(dir.file("audit.jsonl"), keyPath: dir.file("k.key"), everyRecords: 100)
        var records = try dir.lines("audit.jsonl").map { line -> [String: Value] in
            guard case .map(let map) = try Value(json: line) else { return [:] }
            return map
        }
        // seq 3 is the denied send; allow it and recompute every later hash (the final checkpoint's too).
        records[2]["decision"] = "allow"
        for i in 2..<records.count {
            records[i]["prev"] = records[i - 1]["hash"]
            var body = records[i]
            body["hash"] = nil
            guard case .string(let prev)? = records[i]["prev"] else { return }
            records[i]["hash"] = .string(ChainHash.hash(prev: prev, canonicalJSON: Value.map(body).canonicalJSON))
        }
        try Self.write(records.map { Value.map($0).canonicalJSON }, to: dir.file("audit.jsonl"))
        let result = try await runAudit(["verify", "--key", dir.file("k.pub"), dir.file("audit.jsonl")])
        #expect(result.code == 1)
        #expect(
            result.err.hasPrefix(
                "verification failed: \(dir.file("audit.jsonl")):6 seq 6: checkpoint does not match the chain"))
        #expect(result.err.contains("[audit-checkpoint-mismatch]"))
    }

    @Test func anUnsignedTailIsAWarningOnStderrWithExitZero() async throws {
        let dir = try AuditCLIDirectory()
        _ = try await runAudit(["keygen", dir.file("k")])
        try await Self.writeSignedLog(dir.file("audit.jsonl"), keyPath: dir.file("k.key"), everyRecords: 3)
        var lines = try dir.lines("audit.jsonl")
        lines.removeLast()  // the final checkpoint: as if the writer crashed after its fourth call
        try Self.write(lines, to: dir.file("audit.jsonl"))
        let result = try await runAudit(["verify", "--key", dir.file("k.pub"), dir.file("audit.jsonl")])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("ok: 6 records"))
        #expect(result.err.hasPrefix("warning: unsigned tail: 1 record from seq 6"))
    }

    @Test func aDroppedTailFailsAgainstAHeadKeptInAFile() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let first = try await runAudit(["verify", dir.file("audit.jsonl")])
        try first.out.write(toFile: dir.file("head.txt"), atomically: false, encoding: .utf8)
        #expect(
            try await runAudit(["verify", "--expect-head-file", dir.file("head.txt"), dir.file("audit.jsonl")]).code
                == 0)
        try Self.write(Array(try dir.lines("audit.jsonl").dropLast()), to: dir.file("audit.jsonl"))
        let result = try await runAudit(["verify", "--expect-head-file", dir.file("head.txt"), dir.file("audit.jsonl")])
        #expect(result.code == 1)
        #expect(result.err.contains("is not in the log (it ends at seq 3 hash"))
        #expect(result.err.contains("[audit-expected-head-missing]"))
        let bad = try await runAudit(["verify", "--expect-head", "abc", dir.file("audit.jsonl")])
        #expect(bad.code == 3)
        #expect(bad.err.contains("invalid --expect-head `abc`: expected a record hash, 64 lowercase hex digits"))
    }

    /// The fixture log with seq 3's decision changed in place (its hash no longer matches).
    static func alteredLog(_ dir: AuditCLIDirectory) async throws -> (path: String, lines: [String]) {
        try await F.writeLog(dir.file("audit.jsonl"))
        var lines = try dir.lines("audit.jsonl")
        let intact = lines
        lines[2] = lines[2].replacingOccurrences(of: "\"decision\":\"deny\"", with: "\"decision\":\"allow\"")
        try Self.write(lines, to: dir.file("audit.jsonl"))
        return (dir.file("audit.jsonl"), intact)
    }

    @Test func queryPrintsWhatVerifiesThenTheBreakAndExitsOne() async throws {
        let dir = try AuditCLIDirectory()
        let (path, intact) = try await Self.alteredLog(dir)
        let result = try await runAudit(["query", "--format", "jsonl", path])
        #expect(result.code == 1)
        #expect(result.out == intact[0] + "\n" + intact[1] + "\n")
        #expect(result.err.contains("audit.jsonl:3: seq 3: altered record"))
        #expect(result.err.contains("[audit-altered-record]"))
        let unverified = try await runAudit(["query", "--format", "jsonl", "--no-verify", path])
        #expect(unverified.code == 0)
        #expect(unverified.out.split(separator: "\n").count == 4)
    }

    @Test func statsRefusesNumbersFromAnAlteredLogUnlessTold() async throws {
        let dir = try AuditCLIDirectory()
        let (path, _) = try await Self.alteredLog(dir)
        let result = try await runAudit(["stats", path])
        #expect(result.code == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("[audit-altered-record]"))
        let unverified = try await runAudit(["stats", "--no-verify", path])
        #expect(unverified.code == 0)
        #expect(unverified.out.contains("4"))
    }

    @Test func statsRefusesALogWithAGap() async throws {
        let dir = try AuditCLIDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        var lines = try dir.lines("audit.jsonl")
        lines.remove(at: 1)
        try Self.write(lines, to: dir.file("audit.jsonl"))
        let result = try await runAudit(["stats", dir.file("audit.jsonl")])
        #expect(result.code == 1)
        #expect(result.err.contains("sequence gap: expected seq 2, found seq 3"))
    }

    @Test func replayStopsAtTheBreakAndExitsOne() async throws {
        let dir = try AuditCLIDirectory()
        let (path, _) = try await Self.alteredLog(dir)
        let policies = WardenProcess.packageRoot.appendingPathComponent("policies").path
        let result = try await runAudit(["replay", "--policies", policies, path])
        #expect(result.code == 1)
        #expect(result.err.contains("[audit-altered-record]"))
        let unverified = try await runAudit(["replay", "--policies", policies, "--no-verify", path])
        #expect(unverified.code == 0 || unverified.code == 2)
        #expect(unverified.err.isEmpty)
    }

    @Test func tailVerifiesTheRecordsItPrints() async throws {
        let dir = try AuditCLIDirectory()
        let (path, _) = try await Self.alteredLog(dir)
        let result = try await runAudit(["tail", "-n", "4", path])
        #expect(result.code == 1)
        #expect(result.err.contains("[audit-altered-record]"))
        let unverified = try await runAudit(["tail", "-n", "4", "--no-verify", path])
        #expect(unverified.code == 0)
        #expect(unverified.out.split(separator: "\n").count == 4)
    }

    @Test func importKeepsCheckpointsSoVerifyDbChecksThemAndStatsDoNotCountThem() async throws {
        let dir = try AuditCLIDirectory()
        _ = try await runAudit(["keygen", dir.file("k")])
        try await Self.writeSignedLog(dir.file("audit.jsonl"), keyPath: dir.file("k.key"))
        let imported = try await runAudit(["import", "--db", dir.file("audit.db"), dir.file("audit.jsonl")])
        #expect(imported.code == 0)
        let verified = try await runAudit(["verify", "--db", dir.file("audit.db"), "--key", dir.file("k.pub")])
        #expect(verified.code == 0)
        #expect(verified.out.hasSuffix("; 4 signed checkpoints verified\n"))
        let stats = try await runAudit(["stats", "--db", dir.file("audit.db"), "--format", "json"])
        #expect(stats.code == 0)
        let fromFile = try await runAudit(["stats", dir.file("audit.jsonl"), "--format", "json"])
        #expect(stats.out == fromFile.out)
        guard case .map(let json) = try Value(json: stats.out) else { return }
        #expect(json["records"] == 4)
        let queried = try await runAudit(["query", "--db", dir.file("audit.db"), "--format", "jsonl"])
        #expect(queried.out.split(separator: "\n").count == 4)
        #expect(!queried.out.contains("\"checkpoint\""))
        // A key that did not sign them.
        _ = try await runAudit(["keygen", dir.file("other")])
        let other = try await runAudit(["verify", "--db", dir.file("audit.db"), "--key", dir.file("other.pub")])
        #expect(other.code == 1)
        #expect(other.err.contains("[audit-unknown-key]"))
    }

    @Test func theTimeToleranceIsAnOption() async throws {
        let dir = try AuditCLIDirectory()
        // The fixture's third call is dated 2 h after the second; make the fourth go back 1 h.
        var entries = F.entries
        entries[3].time = F.time(3600)
        try await F.writeLog(dir.file("audit.jsonl"), entries: entries)
        let strict = try await runAudit(["verify", dir.file("audit.jsonl")])
        #expect(strict.code == 1)
        #expect(strict.err.contains("time goes backwards: seq 4 has time 2025-01-01T01:00:00.000000Z"))
        #expect(strict.err.contains("by more than the tolerance of 10 s"))
        #expect(try await runAudit(["verify", "--time-tolerance", "2h", dir.file("audit.jsonl")]).code == 0)
        let bad = try await runAudit(["verify", "--time-tolerance", "soon", dir.file("audit.jsonl")])
        #expect(bad.code == 3)
        #expect(bad.err.contains("invalid --time-tolerance `soon`"))
    }
}
