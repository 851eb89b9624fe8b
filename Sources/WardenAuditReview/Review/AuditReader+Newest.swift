import GRDB
import WardenAuditRecord

extension AuditReader {
    /// Whether the reader reads an audit database (whose pages ``newestRecords(matching:id:beforeSeq:limit:)``
    /// answers through the indexes).
    public var isDatabase: Bool {
        if case .database = source { return true }
        return false
    }

    /// One page of an audit database, newest first, found through its primary key and indexes
    /// without reading the rest of the store: the matching records with a seq below `beforeSeq`
    /// (every seq when `nil`), and with id `id` when it is given, at most `limit` of them. Each
    /// row is checked on its own as it is read (its line's canonical form and hash, its seq).
    /// - Returns: the records, highest seq first; `nil` when the reader's source is not a
    ///   database (files are read whole; a store answers through ``AuditStore``).
    /// - Throws: ``AuditReadError`` when the database cannot be opened or read, or a row does not
    ///   hold the record it should.
    public func newestRecords(
        matching filter: AuditFilter, id: String? = nil, beforeSeq: Int? = nil, limit: Int
    ) throws(AuditReadError) -> [AuditReadRecord]? {
        guard case .database(let path) = source else { return nil }
        let database = try AuditDatabase.openForReading(path)
        let condition = AuditSQLCondition(filter)
        var sql: SQL = "SELECT r.seq, r.line FROM audit_records r WHERE \(condition.literal)"
        if let beforeSeq { sql += " AND r.seq < \(beforeSeq)" }
        if let id { sql += " AND r.id = \(id)" }
        sql += " ORDER BY r.seq DESC LIMIT \(max(0, limit))"
        let rows: [(seq: Int, line: String)]
        do {
            rows = try database.queue.read { db in
                try Row.fetchAll(db, SQLRequest(literal: sql)).map {
                    ($0[0] as Int, $0[1] as String)
                }
            }
        } catch {
            throw AuditReadError(
                .unreadable, at: AuditLocation(path: path, line: nil), "cannot query: \(AuditDatabase.describe(error))")
        }
        var reader = CanonicalRecordReader(sharing: false)
        var out: [AuditReadRecord] = []
        out.reserveCapacity(rows.count)
        for (seq, line) in rows {
            out.append(try DatabaseRecordSource.read(seq: seq, line: line, in: database, reader: &reader))
        }
        return out
    }
}
