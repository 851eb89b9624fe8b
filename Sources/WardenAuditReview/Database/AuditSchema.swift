import WardenAuditRecord

/// The SQLite schema of an audit database (version 1).
///
/// - `audit_records`: one row per record, with the exact canonical line (so the chain can be
///   recomputed and tampering with any column is detected) and the columns review queries filter
///   on, each indexed together with time, and the record id (the review page's record view).
///   The time and actor indexes also hold `decision` and `error_kind` (and the time index the
///   actor), so `stats` counts and ranks from them without reading the rows and their lines:
///   a table scan of a million records reads about 1 GB, the index about 50 MB.
/// - `audit_checks`: one row per permission check (`seq`, `idx`), indexed by action and resource,
///   each index holding the check's decision too (top denied actions and resources).
/// - `audit_check_policies`: one row per determining policy of a check, indexed by policy id.
/// - `audit_meta`: `format = warden-audit`, `schema = 1`.
enum AuditSchema {
    /// The schema version this module writes and reads.
    static let version = 1
    /// The marker that tells an audit database from any other SQLite file.
    static let format = "warden-audit"

    /// The secondary indexes (dropped during a bulk import into an empty database and built again
    /// at its end; opening a database for writing creates any that are missing).
    static let secondaryIndexes = [
        "audit_records_time_decision", "audit_records_actor_decision", "audit_records_op", "audit_records_pid",
        "audit_checks_action_decision", "audit_checks_resource_decision", "audit_records_id",
    ]

    /// Indexes of earlier releases that a covering one replaced, dropped when a database is
    /// opened for writing (a reader of an older database still gets its answers, only slower).
    static let replacedIndexes = [
        "audit_records_time", "audit_records_actor", "audit_checks_action", "audit_checks_resource",
    ]

    /// `CREATE TABLE audit_records`, one column per ``AuditRecordColumn`` in its order; `seq` is
    /// the primary key.
    static let recordsTable: String = {
        let columns = AuditRecordColumn.allCases.map { column in
            let type = column.isInteger ? "INTEGER" : "TEXT"
            let constraint = column == .seq ? " PRIMARY KEY" : column.isNullable ? "" : " NOT NULL"
            return "    \(column.name) \(type)\(constraint)"
        }
        return "CREATE TABLE IF NOT EXISTS audit_records (\n" + columns.joined(separator: ",\n") + "\n);"
    }()

    /// Statements creating the schema (idempotent).
    static let create = """
        CREATE TABLE IF NOT EXISTS audit_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        \(recordsTable)
        CREATE INDEX IF NOT EXISTS audit_records_time_decision ON audit_records(time_us, decision, error_kind, actor);
        CREATE INDEX IF NOT EXISTS audit_records_actor_decision ON audit_records(actor, time_us, decision, error_kind);
        CREATE INDEX IF NOT EXISTS audit_records_op ON audit_records(op, time_us);
        CREATE INDEX IF NOT EXISTS audit_records_pid ON audit_records(caller_pid, time_us);
        CREATE INDEX IF NOT EXISTS audit_records_id ON audit_records(id);
        CREATE TABLE IF NOT EXISTS audit_checks (
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            action TEXT NOT NULL,
            resource TEXT NOT NULL,
            decision TEXT NOT NULL,
            PRIMARY KEY (seq, idx)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS audit_checks_action_decision ON audit_checks(action, seq, decision);
        CREATE INDEX IF NOT EXISTS audit_checks_resource_decision ON audit_checks(resource, seq, decision);
        CREATE TABLE IF NOT EXISTS audit_check_policies (
            policy TEXT NOT NULL,
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            PRIMARY KEY (policy, seq, idx)
        ) WITHOUT ROWID;
        \(replacedIndexes.map { "DROP INDEX IF EXISTS \($0);" }.joined(separator: "\n"))
        INSERT OR IGNORE INTO audit_meta(key, value) VALUES ('format', 'warden-audit'), ('schema', '1');
        """
}
