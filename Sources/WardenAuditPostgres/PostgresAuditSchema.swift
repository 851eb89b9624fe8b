import PostgresNIO

/// The PostgreSQL schema of the audit store, as numbered migrations applied on first use and
/// recorded in `schema_version`. Each node's chain is keyed by `(node, seq)`; the columns are
/// those of the SQLite store, plus `node` in every key.
enum PostgresAuditSchema {
    /// The migrations, in order, each a list of statements: migration `i` brings the schema to
    /// version `i + 1`.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE audit_records (
                node text COLLATE "C" NOT NULL,
                seq bigint NOT NULL,
                id text NOT NULL,
                time_us bigint NOT NULL,
                op text COLLATE "C" NOT NULL,
                caller_pid text COLLATE "C",
                actor text COLLATE "C",
                decision text NOT NULL,
                error_kind text,
                policy_revision text NOT NULL,
                prev text NOT NULL,
                hash text NOT NULL,
                line text NOT NULL,
                PRIMARY KEY (node, seq)
            )
            """,
            "CREATE INDEX audit_records_time ON audit_records (time_us)",
            "CREATE INDEX audit_records_actor ON audit_records (actor, time_us)",
            "CREATE INDEX audit_records_op ON audit_records (op, time_us)",
            "CREATE INDEX audit_records_pid ON audit_records (caller_pid, time_us)",
            """
            CREATE TABLE audit_checks (
                node text COLLATE "C" NOT NULL,
                seq bigint NOT NULL,
                idx integer NOT NULL,
                action text COLLATE "C" NOT NULL,
                resource text COLLATE "C" NOT NULL,
                decision text NOT NULL,
                PRIMARY KEY (node, seq, idx)
            )
            """,
            "CREATE INDEX audit_checks_action ON audit_checks (action, node, seq)",
            "CREATE INDEX audit_checks_resource ON audit_checks (resource, node, seq)",
            """
            CREATE TABLE audit_check_policies (
                policy text COLLATE "C" NOT NULL,
                node text COLLATE "C" NOT NULL,
                seq bigint NOT NULL,
                idx integer NOT NULL,
                PRIMARY KEY (policy, node, seq, idx)
            )
            """,
        ],
        // Version 2: every statement that adds records notifies `tail -f` (LISTEN/NOTIFY), once
        // per statement (a batch or a COPY), delivered when its transaction commits.
        [
            """
            CREATE FUNCTION warden_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('\(notificationChannel)', '');
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER audit_records_notify AFTER INSERT ON audit_records
                FOR EACH STATEMENT EXECUTE FUNCTION warden_audit_notify()
            """,
        ],
    ]

    /// The channel the store notifies when records are added (`LISTEN warden_audit`).
    static let notificationChannel = "warden_audit"

    /// The version this module writes and reads.
    static var latestVersion: Int { migrations.count }

    /// A key for `pg_advisory_xact_lock`, so writers starting together migrate one at a time.
    static let migrationLockKey: Int64 = 0x7761_7264_656e  // "warden"

    /// The schema version of the database (0 when it has no `schema_version` table).
    static func version(_ connection: PostgresBlockingConnection) throws(PostgresAuditError) -> Int {
        let exists = try connection.query("SELECT to_regclass('schema_version') IS NOT NULL")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else { return 0 }
        let rows = try connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_version")
        return rows.first.flatMap { try? $0.decode(Int.self) } ?? 0
    }

    /// Brings the schema to ``latestVersion``, applying the missing migrations in one
    /// transaction (nothing to do, and no privilege needed, when it is already there).
    /// - Throws: ``PostgresAuditError`` (`.schema`) for a newer schema or a role that may not
    ///   create tables.
    static func migrate(_ connection: PostgresBlockingConnection) throws(PostgresAuditError) {
        let current = try version(connection)
        if current == latestVersion { return }
        guard current < latestVersion else {
            throw PostgresAuditError(
                .schema,
                "`\(connection.url)` holds audit schema version \(current), newer than this warden's \(latestVersion); upgrade warden"
            )
        }
        do throws(PostgresAuditError) {
            try connection.query("BEGIN")
            try connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))")
            try connection.query(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            let now = try version(connection)
            for index in now..<latestVersion {
                for statement in migrations[index] { try connection.query(PostgresQuery(unsafeSQL: statement)) }
                try connection.query("INSERT INTO schema_version (version) VALUES (\(index + 1))")
            }
            try connection.query("COMMIT")
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw PostgresAuditError(
                .schema,
                "cannot create the audit schema (version \(current) -> \(latestVersion)) in `\(connection.url)`: \(error.message); "
                    + "connect once as a role that may create tables (the database owner), e.g. `warden audit verify --db URL`"
            )
        }
    }
}
