import Foundation
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview

/// A real full disk in the middle of a write: `warden-crash-writer` runs the gateway with
/// `durable` audit under RLIMIT_FSIZE (writes past the limit fail with EFBIG), so its calls start
/// failing mid-batch. Calls must fail closed, every acknowledged record must be on disk, and after
/// the limit is lifted the store must open, continue the chain and verify.
@Suite("fault injection: the audit store's file size limit is reached mid-write", .serialized, .timeLimit(.minutes(5)))
struct FileSizeLimitTests {
    @Test(
        "JSON Lines file: calls fail closed at the limit, nothing acknowledged is lost, the log recovers and verifies")
    func jsonLines() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let log = directory + "/audit.jsonl"
        let limit = 48 * 1024
        let full = try await CrashWriterRun.limited(sink: "jsonl", path: log, fileSizeLimit: limit, in: directory)
        try Self.expectFailedClosed(full)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        #expect(size <= limit)
        let whole = try CrashConsistencyTests.wholeLines(of: log)
        let onDisk = try whole.map { line in try RecordLine.verify(Array(line.utf8)).seq }
        #expect(onDisk == Array(1..<(onDisk.count + 1)))
        #expect(onDisk.count >= full.acknowledged.max() ?? .max, "an acknowledged record is missing from the log")

        // Without the limit the writer opens the log where its last whole record ends and goes on.
        let recovered = try await CrashWriterRun.killed(sink: "jsonl", path: log, delayMilliseconds: 50, in: directory)
        #expect(recovered.openedAt == onDisk.count)
        // Concurrent callers print their acknowledgements in any order (and the kill may fall
        // between two of them), so the lowest printed seq need not be the first one written:
        // what holds is that no acknowledged seq re-uses one on disk before, and (below) that
        // the chain verifies without a gap from seq 1 through every acknowledged record.
        #expect(recovered.acknowledged.allSatisfy { $0 > onDisk.count }, "\(recovered.acknowledged)")
        try JSONLFileSink(path: log).close()
        let verified = try AuditVerifier.verify(files: [log])
        #expect(verified.head.seq >= recovered.acknowledged.max() ?? .max)
        #expect(verified.records == verified.head.seq)
    }

    @Test(
        "SQLite database: calls fail closed at the limit, nothing acknowledged is lost, the database recovers and verifies"
    )
    func sqlite() async throws {
        let directory = try PolicyCLI.temporaryDirectory()
        defer { PolicyCLI.remove(directory) }
        let database = directory + "/audit.sqlite"
        let full = try await CrashWriterRun.limited(
            sink: "sqlite", path: database, fileSizeLimit: 256 * 1024, in: directory)
        try Self.expectFailedClosed(full)
        let stored = try AuditVerifier.verify(database: database)
        #expect(stored.records == stored.head.seq)
        #expect(
            stored.head.seq >= full.acknowledged.max() ?? .max, "an acknowledged record is missing from the database")

        let recovered = try await CrashWriterRun.killed(
            sink: "sqlite", path: database, delayMilliseconds: 50, in: directory)
        #expect(recovered.openedAt == stored.head.seq)
        #expect(recovered.acknowledged.allSatisfy { $0 > stored.head.seq }, "\(recovered.acknowledged)")
        let verified = try AuditVerifier.verify(database: database)
        #expect(verified.records == verified.head.seq)
        #expect(verified.head.seq >= recovered.acknowledged.max() ?? .max)
    }

    /// The writer acknowledged records, then stopped (exit 1) because a call was refused with
    /// `INTERNAL` when its record could not be written: it did not die of the limit's signal.
    static func expectFailedClosed(_ run: CrashWriterRun) throws {
        #expect(run.status == 1, "\(run.errors)")
        #expect(!run.acknowledged.isEmpty, "\(run.errors)")
        #expect(run.errors.contains("a caller stopped"), "\(run.errors)")
        #expect(run.errors.contains("INTERNAL"), "\(run.errors)")
    }
}
