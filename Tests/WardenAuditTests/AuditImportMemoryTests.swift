import Foundation
import GRDB
import Testing

@testable import WardenAuditReview

/// An import keeps the same memory for a log of any size: what it holds is bounded by its
/// batches, the hand-off between its threads and SQLite's page cache, never by the log.
@Suite struct AuditImportMemoryTests {
    @Test func batchesEndAtTheirByteLimitWhateverTheRecordCount() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 60)
        let lines = try dir.lines("audit.jsonl")
        let longest = lines.map { $0.utf8.count }.max() ?? 0
        let limit = 2_000
        var session = ImportSession(start: .genesis, continued: false, batchSize: 10_000, batchBytes: limit)
        var batches: [(records: Int, bytes: Int)] = []
        try session.run([dir.file("audit.jsonl")]) { rows in
            batches.append((rows.count, rows.bytes.count))
            return true
        }
        #expect(batches.map(\.records).reduce(0, +) == 60)
        #expect(batches.count > 10)
        // A batch stops once it reaches the limit: it passes it by at most one line (and the
        // decoded escapes of that line's strings, at most its own length again).
        #expect(batches.allSatisfy { $0.bytes < limit + 2 * longest })
    }

    @Test func batchesEndAtTheirRecordLimitWhateverTheirSize() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 25)
        var session = ImportSession(start: .genesis, continued: false, batchSize: 10, batchBytes: 1 << 30)
        var counts: [Int] = []
        try session.run([dir.file("audit.jsonl")]) { rows in
            counts.append(rows.count)
            return true
        }
        #expect(counts == [10, 10, 5])
    }

    @Test func anImportsConnectionUsesABoundedCacheAndNoMemoryMapping() throws {
        let dir = try TemporaryDirectory()
        let sink = try SQLiteAuditSink(path: dir.file("audit.db"))
        defer { try? sink.close() }
        try sink.database.queue.writeWithoutTransaction { db in
            _ = try Int.fetchOne(db, sql: "PRAGMA mmap_size = 1048576")
        }
        try AuditImporter.prepare(sink.database)
        let (cache, mapped) = try sink.database.queue.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA mmap_size"))
        }
        #expect(cache == -(16 << 10))  // KiB, negative: a size rather than a page count
        #expect(mapped == 0)
    }
}
