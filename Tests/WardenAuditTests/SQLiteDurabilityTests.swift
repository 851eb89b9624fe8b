import GRDB
import Testing

@testable import WardenAuditReview

/// The SQLite sink's `sync()` does nothing because every committed batch is already durable:
/// that holds only while the connection syncs the write-ahead log on every commit.
@Suite("SQLite sink durability")
struct SQLiteDurabilityTests {
    @Test func theSinksConnectionSyncsTheWriteAheadLogOnEveryCommit() throws {
        let dir = try TemporaryDirectory()
        let sink = try SQLiteAuditSink(path: dir.file("audit.sqlite"))
        defer { try? sink.close() }
        let settings = try sink.database.queue.read { db in
            (
                journal: try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                synchronous: try Int.fetchOne(db, sql: "PRAGMA synchronous")
            )
        }
        #expect(settings.journal == "wal")
        // 2 is FULL: in WAL mode, NORMAL (1) would not sync on commit, and a crash could lose
        // records the log already acknowledged.
        #expect(settings.synchronous == 2)
    }
}
