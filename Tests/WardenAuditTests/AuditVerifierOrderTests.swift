import Foundation
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

/// What `verify` checks beyond hashes: ids strictly increasing, times not going back, swapped
/// lines named as a swap. Each forgery keeps every hash correct (re-chained) and is made on a
/// signed log, verified with its key.
@Suite struct AuditVerifierOrderTests {
    let key = AuditSigningKey.generate()

    /// A signed log of 40 calls (checkpoints every 100, so only the final one after them).
    private func signedLog() async throws -> (TemporaryDirectory, [String]) {
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("a.jsonl"), key: key, count: 40, everyRecords: 100)
        return (dir, try dir.lines("a.jsonl"))
    }

    private func breakAfterWriting(_ lines: [String], in dir: TemporaryDirectory, tolerance: Duration = .seconds(10))
        throws -> AuditChainBreak?
    {
        try dir.write("a.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        do {
            _ = try AuditVerifier.verify(
                files: [dir.file("a.jsonl")],
                options: AuditVerifyOptions(keys: [key.publicKey], timeTolerance: tolerance))
            return nil
        } catch {
            return error
        }
    }

    @Test func aDuplicateIdIsABreak() async throws {
        let (dir, lines) = try await signedLog()
        guard case .map(let previous) = try Value(json: lines[11]) else { return }
        let forged = try Forgery.rechain(lines, editing: 12) { $0["id"] = previous["id"] }
        let found = try breakAfterWriting(forged, in: dir)
        #expect(found?.kind == .idOutOfOrder)
        #expect(found?.seq == 13)
        #expect(found?.message.hasPrefix("duplicate id: seq 13 repeats the id of seq 12") == true)
    }

    @Test func aDecreasingIdIsABreak() async throws {
        let (dir, lines) = try await signedLog()
        guard case .map(let earlier) = try Value(json: lines[3]) else { return }
        let forged = try Forgery.rechain(lines, editing: 20) { $0["id"] = earlier["id"] }
        let found = try breakAfterWriting(forged, in: dir)
        #expect(found?.kind == .idOutOfOrder)
        #expect(found?.seq == 21)
        #expect(found?.message.hasPrefix("id out of order: seq 21 has a smaller id than seq 20") == true)
    }

    @Test func aTimeIn1999InTheMiddleIsABreak() async throws {
        let (dir, lines) = try await signedLog()
        let forged = try Forgery.rechain(lines, editing: 15) { $0["time"] = "1999-06-01T12:00:00.000000Z" }
        let found = try breakAfterWriting(forged, in: dir)
        #expect(found?.kind == .timeOutOfOrder)
        #expect(found?.seq == 16)
        #expect(found?.message.contains("seq 16 has time 1999-06-01T12:00:00.000000Z") == true)
    }

    @Test func timesWithinTheToleranceVerifyAndBeyondItDoNot() async throws {
        let (dir, lines) = try await signedLog()
        guard case .map(let previous) = try Value(json: lines[9]), case .string(let text)? = previous["time"],
            let time = AuditTime(rfc3339: text)
        else { return }
        let earlier = time.adding(microseconds: -500_000).rfc3339
        let forged = try Forgery.rechain(lines, editing: 10) { $0["time"] = .string(earlier) }
        // Within the tolerance the chain verifies up to the final checkpoint, whose seal no longer matches.
        #expect(try breakAfterWriting(forged, in: dir)?.kind == .checkpointMismatch)
        #expect(try breakAfterWriting(forged, in: dir, tolerance: .milliseconds(100))?.kind == .timeOutOfOrder)
    }

    @Test func twoSwappedNeighboursAreReportedAsASwap() async throws {
        let (dir, lines) = try await signedLog()
        var swapped = lines
        swapped.swapAt(11, 12)
        let found = try breakAfterWriting(swapped, in: dir)
        #expect(found?.kind == .swappedRecords)
        #expect(found?.location.line == 12)
        #expect(found?.message.hasPrefix("records 12 and 13 are swapped") == true)
    }

    @Test func twoDistantSwappedLinesAreReportedAsASwapNotAsRemovedRecords() async throws {
        let (dir, lines) = try await signedLog()
        var swapped = lines
        swapped.swapAt(5, 36)
        let found = try breakAfterWriting(swapped, in: dir)
        #expect(found?.kind == .swappedRecords)
        #expect(found?.message.hasPrefix("records 6 and 37 are swapped") == true)
    }

    @Test func aRemovedRecordIsStillAGap() async throws {
        let (dir, lines) = try await signedLog()
        var removed = lines
        removed.remove(at: 20)
        let found = try breakAfterWriting(removed, in: dir)
        #expect(found?.kind == .sequenceGap)
        #expect(found?.message.contains("1 record was removed") == true)
    }
}

/// A writer resuming a log keeps ids increasing even when its clock is behind the log's.
@Suite struct ResumedIDTests {
    @Test func aResumedWriterWithAClockSetBackStillWritesIncreasingIds() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("a.jsonl")
        try await writeLog(path, count: 3) { _ in Entries.spawn(seconds: 1_700_000_010) }
        // The second run's calls are dated two seconds earlier (within the time tolerance).
        try await writeLog(path, count: 3) { _ in Entries.spawn(seconds: 1_700_000_008) }
        #expect(try AuditVerifier.verify(files: [path]).records == 6)
        let ids = try dir.lines("a.jsonl").map { line -> String in
            guard case .map(let map) = try Value(json: line), case .string(let id)? = map["id"] else { return "" }
            return id
        }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == 6)
    }

    @Test func aResumedDatabaseSinkContinuesAfterItsLastId() async throws {
        let dir = try TemporaryDirectory()
        for seconds: Int64 in [1_700_000_010, 1_700_000_008] {
            let log = AuditLog(
                node: "n", sink: try SQLiteAuditSink(path: dir.file("a.db")), mode: .sync, failurePolicy: .failClosed,
                logger: quietLogger)
            for _ in 0..<3 { try await log.record(Entries.spawn(seconds: seconds)) }
            await log.shutdown()
        }
        #expect(try AuditVerifier.verify(database: dir.file("a.db")).records == 6)
    }
}
