import GRDB
import Testing
import WardenValue

@testable import WardenAuditReview

/// Review reading verifies the log as it reads it, unless told not to.
@Suite struct AuditReadVerificationTests {
    private func readAll(_ reader: AuditReader) -> (records: [AuditReadRecord], error: AuditReadError?) {
        var records: [AuditReadRecord] = []
        do {
            try reader.forEach { records.append($0) }
            return (records, nil)
        } catch {
            return (records, error)
        }
    }

    @Test func aRechainedLogReadsButARemovedRecordStopsTheReadingAtTheGap() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("a.jsonl"), count: 10)
        var lines = try dir.lines("a.jsonl")
        lines.remove(at: 4)
        try dir.write("a.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let read = readAll(.files([dir.file("a.jsonl")]))
        #expect(read.records.map(\.record.seq) == [1, 2, 3, 4])
        #expect(read.error?.kind == .chainBreak)
        #expect(read.error?.message.contains("sequence gap: expected seq 5, found seq 6") == true)
        #expect(read.error?.message.contains("[audit-sequence-gap]") == true)
        let unverified = readAll(AuditReader.files([dir.file("a.jsonl")]).verifying(false))
        #expect(unverified.records.count == 9)
        #expect(unverified.error == nil)
    }

    @Test func checkpointsAreReadButNeverMatchAFilter() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: .generate(), count: 12, everyRecords: 5)
        let read = readAll(.files([dir.file("a.jsonl")]))
        #expect(read.error == nil)
        #expect(read.records.count == 12)
        #expect(read.records.allSatisfy { !$0.record.isCheckpoint })
        let stats = try AuditReader.files([dir.file("a.jsonl")]).stats()
        #expect(stats.records == 12)
        #expect(stats.allowed == 6)
        #expect(stats.denied == 6)
    }

    @Test func anEditedDatabaseIsABreakForItsStatsAndAnAlteredRowForItsReaders() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("a.jsonl"), count: 6)
        _ = try AuditImporter.importFiles([dir.file("a.jsonl")], into: dir.file("a.db"))
        let queue = try DatabaseQueue(path: dir.file("a.db"))
        try await queue.write { db in
            try db.execute(sql: "UPDATE audit_records SET actor = 'user:mallory' WHERE seq = 2")
            try db.execute(
                sql: "UPDATE audit_records SET line = replace(line, '\"seq\":4', '\"seq\":4 ') WHERE seq = 4")
        }
        try queue.close()
        // Stats aggregate the index columns: the whole database is verified first.
        #expect {
            try AuditReader.database(dir.file("a.db")).stats()
        } throws: { error in
            (error as? AuditReadError)?.message.contains("column `actor` was edited") == true
        }
        #expect(try AuditReader.database(dir.file("a.db")).verifying(false).stats().records == 6)
        // Readers verify every row they return.
        let read = readAll(.database(dir.file("a.db")))
        #expect(read.records.map(\.record.seq) == [1, 2, 3])
        #expect(read.error?.kind == .chainBreak)
        #expect(read.error?.message.hasPrefix("seq 4: altered record") == true)
        #expect(readAll(AuditReader.database(dir.file("a.db")).verifying(false)).error?.kind != .chainBreak)
    }

    @Test func theDatabaseStatsLeaveCheckpointsOut() async throws {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: .generate(), count: 9, everyRecords: 4)
        _ = try AuditImporter.importFiles([dir.file("a.jsonl")], into: dir.file("a.db"))
        let fromFile = try AuditReader.files([dir.file("a.jsonl")]).stats(
            options: AuditStatsOptions(top: 5, bucketMicroseconds: 60_000_000))
        let fromDatabase = try AuditReader.database(dir.file("a.db")).stats(
            options: AuditStatsOptions(top: 5, bucketMicroseconds: 60_000_000))
        #expect(fromDatabase == fromFile)
        #expect(fromDatabase.records == 9)
        #expect(try AuditVerifier.verify(database: dir.file("a.db")).checkpoints == 4)
    }
}
