import PostgresNIO
import WardenAuditRecord
import WardenAuditReview

/// Matching rows of the store, fetched a page at a time in `(time_us, node, seq)` order with a
/// keyset after the last row returned; each row's line is parsed (and verified on its own when
/// asked). Closes its connection when the rows run out or it is released.
final class PostgresRecordPages {
    private let connection: PostgresBlockingConnection
    private let filter: AuditFilter
    private let verifies: Bool
    private let location: AuditLocation
    private var remaining: Int?
    private var page: [(node: String, seq: Int, time: Int, line: String)] = []
    private var index = 0
    private var after: (time: Int, node: String, seq: Int)?
    private var exhausted = false
    private let pageSize = 1000

    init(
        connection: PostgresBlockingConnection, filter: AuditFilter, limit: Int?, verifying: Bool,
        location: AuditLocation
    ) {
        self.connection = connection
        self.filter = filter
        self.remaining = limit
        self.verifies = verifying
        self.location = location
    }

    deinit { connection.close() }

    /// The next matching record, or `nil`.
    func next() throws(AuditReadError) -> AuditReadRecord? {
        if index == page.count {
            guard !exhausted else { return nil }
            try fetch()
            guard index < page.count else { return nil }
        }
        let row = page[index]
        index += 1
        let at = AuditLocation(path: "\(location.path) node \(row.node)", line: nil)
        return try AuditStoredLine.read(line: row.line, seq: row.seq, at: at, verifying: verifies)
    }

    private func fetch() throws(AuditReadError) {
        var condition = PostgresSQLCondition(filter)
        var sql = "SELECT r.node, r.seq, r.time_us, r.line FROM audit_records r WHERE \(condition.sql)"
        if let after {
            sql +=
                " AND (r.time_us, r.node, r.seq) > (\(condition.bind(after.time)), \(condition.bind(after.node)), \(condition.bind(after.seq)))"
        }
        let size = min(pageSize, remaining ?? pageSize)
        sql += " ORDER BY r.time_us, r.node, r.seq LIMIT \(condition.bind(size))"
        do {
            let rows = try connection.query(PostgresQuery(unsafeSQL: sql, binds: condition.bindings))
            page = try rows.map { row in
                let (node, seq, time, line) = try row.decode((String, Int, Int, String).self)
                return (node, seq, time, line)
            }
        } catch let error as PostgresAuditError {
            throw AuditReadError(.unreadable, at: location, "cannot query: \(error.message)")
        } catch {
            throw AuditReadError(.unreadable, at: location, "cannot read a row: \(error)")
        }
        index = 0
        if let last = page.last { after = (last.time, last.node, last.seq) }
        if let left = remaining { remaining = left - page.count }
        if page.count < size || remaining == 0 {
            exhausted = true
            connection.close()
        }
    }
}
