import GRDB
import WardenAuditLog
import WardenAuditRecord

/// A sink writing records into a SQLite database (WAL mode), one transaction per batch, with
/// indexes for review queries. Use it instead of, or beside (``MultiplexAuditSink``), the JSON
/// Lines file.
///
/// Every committed batch is durable (`synchronous = FULL`), so ``sync()`` has nothing left to do.
public final class SQLiteAuditSink: AuditSink {
    /// The database file's path.
    public let path: String
    /// The last record in the database when it was opened.
    public let chainHead: AuditChainHead
    /// The id of that record, `nil` when the database was empty.
    public let lastRecordID: String?
    let database: AuditDatabase

    /// Opens or creates the audit database at `path`.
    /// - Throws: ``AuditError`` (`.openFailed`) when the file is not an audit database or cannot be opened.
    public convenience init(path: String) throws(AuditError) {
        try self.init(path: path, pageSize: nil)
    }

    /// Opens or creates the audit database at `path`; a database created now gets pages of
    /// `pageSize` bytes (SQLite's default when `nil`).
    init(path: String, pageSize: Int?) throws(AuditError) {
        self.path = path
        do {
            database = try AuditDatabase.open(path: path, create: true, pageSize: pageSize)
            chainHead = try database.head()
            lastRecordID = try database.queue.read { db in
                try String.fetchOne(db, sql: "SELECT id FROM audit_records ORDER BY seq DESC LIMIT 1")
            }
        } catch let error as AuditDatabase.OpenError {
            switch error {
            case .sqlite(let message), .notAuditDatabase(let message):
                throw AuditError(.openFailed, "cannot open audit database `\(path)`: \(message)")
            }
        } catch {
            throw AuditError(.openFailed, "cannot open audit database `\(path)`: \(AuditDatabase.describe(error))")
        }
    }

    /// Inserts the batch in one transaction: all of it or none.
    public func write(_ batch: [SealedRecord]) throws(AuditError) {
        try write(RecordRows(batch))
    }

    /// Inserts the rows in one transaction: all of them or none.
    func write(_ rows: RecordRows) throws(AuditError) {
        do {
            try database.queue.write { db in try AuditDatabase.insert(rows, into: db) }
        } catch {
            throw AuditError(.writeFailed, "cannot write audit database `\(path)`: \(AuditDatabase.describe(error))")
        }
    }

    /// Nothing to do: each committed batch is already durable.
    public func sync() throws(AuditError) {}

    /// Closes the database.
    public func close() throws(AuditError) {
        do { try database.close() } catch {
            throw AuditError(.writeFailed, "cannot close audit database `\(path)`: \(AuditDatabase.describe(error))")
        }
    }
}
