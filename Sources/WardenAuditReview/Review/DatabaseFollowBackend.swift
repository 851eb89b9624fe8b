import GRDB
import WardenAuditRecord

/// Follows an audit database by polling for rows after the last one seen.
final class DatabaseFollowBackend: FollowBackend {
    let database: AuditDatabase
    private let source: DatabaseRecordSource

    init(database: AuditDatabase, filter: AuditFilter) {
        self.database = database
        self.source = DatabaseRecordSource(database: database, filter: filter, limit: nil, strategy: .scan)
    }

    func poll() throws(AuditReadError) -> [AuditReadRecord] {
        source.rewindExhaustion()
        var out: [AuditReadRecord] = []
        while let record = try source.next() { out.append(record) }
        return out
    }

    /// The last `count` matching rows, found newest first through the indexes; following
    /// continues after the newest row present now.
    func backlog(_ count: Int, filter: AuditFilter) throws(AuditReadError) -> [AuditReadRecord] {
        let condition = AuditSQLCondition(filter)
        let location = AuditLocation(path: database.path, line: nil)
        let rows: [(seq: Int, line: String)]
        let newest: Int
        do {
            (rows, newest) = try database.queue.read { db in
                let newest = try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_records") ?? 0
                let rows = try Row.fetchAll(
                    db,
                    SQLRequest(
                        literal: """
                            SELECT r.seq, r.line FROM audit_records r WHERE \(condition.literal) AND r.seq <= \(newest) \
                            ORDER BY r.seq DESC LIMIT \(count)
                            """)
                ).map { ($0[0] as Int, $0[1] as String) }
                return (rows, newest)
            }
        } catch {
            throw AuditReadError(.unreadable, at: location, "cannot query: \(AuditDatabase.describe(error))")
        }
        source.skip(through: newest)
        var out: [AuditReadRecord] = []
        for (seq, line) in rows.reversed() {
            out.append(try DatabaseRecordSource.read(seq: seq, line: line, in: database))
        }
        return out
    }
}
