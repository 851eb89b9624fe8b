import PostgresNIO
import WardenAuditRecord
import WardenAuditReview

/// Follows a PostgreSQL store (`tail -f`): it listens on the store's notification channel
/// (every statement that adds records notifies it when it commits, see ``PostgresAuditSchema``)
/// and looks for new rows as soon as one arrives, or after ``safetyInterval`` without one. Each
/// node's chain is committed in seq order by its one writer, so the rows after the last seq seen
/// of each node are exactly the new ones. The backlog and the marks it starts from are read in
/// one snapshot (`REPEATABLE READ`).
final class PostgresFollower: AuditRecordFollowing {
    /// The longest wait without a notification before looking anyway, by default.
    static let defaultSafetyInterval = Duration.seconds(5)

    /// The longest wait without a notification before looking anyway.
    let safetyInterval: Duration

    private let connection: PostgresBlockingConnection
    private let filter: AuditFilter
    private let verifies: Bool
    private let location: AuditLocation
    /// The last seq seen of each node.
    private var marks: [String: Int] = [:]
    private let notifications = PostgresNotificationGate()
    private let listener: PostgresListenContext

    /// Follows the store on `connection`, listening from now on (before the backlog is read, so
    /// no commit after it goes unnoticed).
    init(
        connection: PostgresBlockingConnection, filter: AuditFilter, verifying: Bool, location: AuditLocation,
        safetyInterval: Duration = defaultSafetyInterval
    ) {
        self.safetyInterval = safetyInterval
        self.connection = connection
        self.filter = filter
        self.verifies = verifying
        self.location = location
        let gate = notifications
        listener = connection.connection.addListener(channel: PostgresAuditSchema.notificationChannel) { _, _ in
            gate.signal()
        }
    }

    deinit {
        listener.stop()
        connection.close()
    }

    /// Waits for the store's next notification (at most ``safetyInterval``); `interval`, the
    /// pause between looks of a polling follower, does not apply.
    func waitForNews(interval: Duration) async {
        await notifications.wait(upTo: safetyInterval)
    }

    /// The last `count` matching records; polls continue after every record present now.
    func backlog(_ count: Int) throws(AuditReadError) -> [AuditReadRecord] {
        var condition = PostgresSQLCondition(filter)
        let sql = """
            SELECT node, seq, line FROM (
                SELECT r.node, r.seq, r.time_us, r.line FROM audit_records r WHERE \(condition.sql)
                ORDER BY r.time_us DESC, r.node DESC, r.seq DESC LIMIT \(condition.bind(count))
            ) last ORDER BY time_us, node, seq
            """
        do {
            try connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ")
            let markRows = try connection.query("SELECT node, MAX(seq) FROM audit_records GROUP BY node")
            let rows = try connection.query(PostgresQuery(unsafeSQL: sql, binds: condition.bindings))
            try connection.query("COMMIT")
            for row in markRows {
                let (node, seq) = try row.decode((String, Int).self)
                marks[node] = seq
            }
            return try read(rows)
        } catch let error as AuditReadError {
            throw error
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw AuditReadError(.unreadable, at: location, "cannot query: \(Self.describe(error))")
        }
    }

    /// The matching records committed since the previous call.
    func poll() throws(AuditReadError) -> [AuditReadRecord] {
        var condition = PostgresSQLCondition(filter)
        let nodes = condition.bind(Array(marks.keys))
        let seqs = condition.bind(Array(marks.values))
        let sql = """
            SELECT r.node, r.seq, r.line FROM audit_records r
            LEFT JOIN unnest(\(nodes)::text[], \(seqs)::int8[]) AS m(node, seq) ON m.node = r.node
            WHERE r.seq > COALESCE(m.seq, 0) AND \(condition.sql)
            ORDER BY r.time_us, r.node, r.seq LIMIT 10000
            """
        do {
            let rows = try connection.query(PostgresQuery(unsafeSQL: sql, binds: condition.bindings))
            let records = try read(rows)
            for record in records { marks[record.record.node] = max(marks[record.record.node] ?? 0, record.record.seq) }
            return records
        } catch let error as AuditReadError {
            throw error
        } catch {
            throw AuditReadError(.unreadable, at: location, "cannot query: \(Self.describe(error))")
        }
    }

    private func read(_ rows: [PostgresRow]) throws -> [AuditReadRecord] {
        try rows.map { row in
            let (node, seq, line) = try row.decode((String, Int, String).self)
            let at = AuditLocation(path: "\(location.path) node \(node)", line: nil)
            return try AuditStoredLine.read(line: line, seq: seq, at: at, verifying: verifies)
        }
    }

    private static func describe(_ error: any Error) -> String {
        (error as? PostgresAuditError)?.message ?? "\(error)"
    }
}
