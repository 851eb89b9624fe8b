import Foundation
import GRDB
import WardenAuditLog
import WardenAuditRecord

/// What an import did.
public struct AuditImportResult: Sendable, Hashable, CustomStringConvertible {
    /// Records inserted into the database.
    public var imported: Int
    /// Records already in the database (same seq and hash), skipped.
    public var skipped: Int
    /// The database's head after the import.
    public var head: AuditChainHead

    /// Creates a result.
    public init(imported: Int, skipped: Int, head: AuditChainHead) {
        self.imported = imported
        self.skipped = skipped
        self.head = head
    }

    /// `imported 120 records (skipped 40 already present), head seq 160 <hash>`.
    public var description: String {
        "imported \(imported) record\(imported == 1 ? "" : "s") (skipped \(skipped) already present), head \(head)"
    }
}

/// Why an import stopped.
public enum AuditImportError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened or written.
    case database(AuditError)
    /// The files do not verify (or do not continue the database's chain); records before the
    /// break were imported.
    case chainBreak(AuditChainBreak, imported: Int)

    /// The message.
    public var description: String {
        switch self {
        case .database(let error): error.message
        case .chainBreak(let chainBreak, let imported):
            "\(chainBreak) (\(imported) record\(imported == 1 ? " was" : "s were") imported before it)"
        }
    }
}

/// Loads JSON Lines logs into an audit database, verifying the chain as it goes.
///
/// Verification (reading, parsing, hashing) runs on its own thread and hands batches to the
/// caller's thread, which inserts them, so the two halves of the work use two cores.
public enum AuditImporter {
    /// Imports `files` (in chain order) into the database at `databasePath` (created if needed).
    ///
    /// Records already in the database are skipped, after checking that the files hold the same
    /// chain (the record at the database's head has the same hash); new records must continue
    /// the database's chain. Records are committed in batches, so a break leaves the database
    /// holding a verified prefix.
    /// - Parameter continued: accept files whose first record is not seq 1 (empty database only).
    public static func importFiles(
        _ files: [String], into databasePath: String, continued: Bool = false, batchSize: Int = 10_000
    ) throws(AuditImportError) -> AuditImportResult {
        let sink: SQLiteAuditSink
        do { sink = try SQLiteAuditSink(path: databasePath, pageSize: pageSize) } catch { throw .database(error) }
        defer { try? sink.close() }
        do { try prepare(sink.database) } catch {
            throw .database(
                AuditError(
                    .openFailed, "cannot prepare audit database `\(databasePath)`: \(AuditDatabase.describe(error))"))
        }
        let start = sink.chainHead
        let bulk = start.seq == 0
        if bulk {
            // A bulk load into an empty database builds the indexes once at the end, which is much
            // cheaper than row by row. Should the import die half way, the next writable open
            // creates them again.
            do { try sink.database.dropSecondaryIndexes() } catch {
                throw .database(
                    AuditError(
                        .writeFailed,
                        "cannot prepare audit database `\(databasePath)`: \(AuditDatabase.describe(error))"))
            }
        }
        let result = Result { () throws(AuditImportError) in
            try load(files, into: sink, start: start, continued: continued, batchSize: batchSize)
        }
        if bulk {
            do { try sink.database.buildIndexes() } catch {
                if case .success = result {
                    throw .database(
                        AuditError(
                            .writeFailed,
                            "cannot index audit database `\(databasePath)`: \(AuditDatabase.describe(error))"))
                }
            }
        }
        return try result.get()
    }

    /// The page size of a database an import creates: lines of about a kilobyte fill 16 KiB
    /// pages with little slack, and a bulk load makes a quarter of the system calls it makes
    /// with SQLite's default 4 KiB (measured: about 25 % faster). Existing databases keep theirs.
    static let pageSize = 16 << 10

    /// The most bytes of lines in one batch handed from the verifying thread to the inserting one
    /// (a batch may pass it by one line). With ``handOffBatches`` waiting, one being built and
    /// one being inserted, batches hold at most about four times this.
    static let batchBytes = 2 << 20

    /// How many batches may wait between the verifying thread and the inserting one; the
    /// verifier waits when they are all taken.
    static let handOffBatches = 2

    /// The page cache of an import's connection, in KiB. The batches, this cache and SQLite's
    /// sorter (8 MiB a thread while indexes are built) are what an import keeps in memory, so it
    /// needs the same memory for a log of any size (under 100 MB, see docs/performance.md). A
    /// bulk load appends to its B-trees (the indexes are built at the end), so a small cache
    /// holds every page it touches; an import into a database with indexes reads more pages
    /// back from the operating system's cache instead.
    static let pageCacheKiB = 16 << 10

    /// Sets the connection up for an import: the page cache of ``pageCacheKiB``, and no memory
    /// mapping (mapped pages of the database would count as the import's memory, up to the
    /// database's size).
    static func prepare(_ database: AuditDatabase) throws {
        try database.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -\(pageCacheKiB)")
            _ = try Int.fetchOne(db, sql: "PRAGMA mmap_size = 0")
        }
    }

    /// Verifies on a thread of its own and inserts the batches it hands over.
    private static func load(
        _ files: [String], into sink: SQLiteAuditSink, start: AuditChainHead, continued: Bool, batchSize: Int
    ) throws(AuditImportError) -> AuditImportResult {
        let channel = HandOffChannel<ImportMessage>(capacity: handOffBatches)
        let verifier = Thread {
            var session = ImportSession(start: start, continued: continued, batchSize: batchSize)
            let outcome: ImportMessage
            do throws(AuditChainBreak) {
                try session.run(files) { batch in channel.send(.batch(batch)) }
                outcome = .finished(skipped: session.skipped)
            } catch {
                outcome = .broken(error, skipped: session.skipped)
            }
            _ = channel.send(outcome)
            channel.producerDone()
        }
        verifier.name = "warden-audit-import-verifier"
        verifier.start()
        defer { channel.waitForProducer() }
        var imported = 0
        var head = start
        while true {
            switch channel.receive() {
            case .batch(let batch):
                do { try sink.write(batch) } catch {
                    channel.cancel()
                    throw .database(error)
                }
                imported += batch.count
                if let last = batch.head { head = last }
            case .finished(let skipped):
                return AuditImportResult(imported: imported, skipped: skipped, head: head)
            case .broken(let chainBreak, _):
                throw .chainBreak(chainBreak, imported: imported)
            }
        }
    }
}
