import GRDB

extension AuditDatabase {
    /// Inserts records (their lines and index rows) inside the caller's transaction.
    ///
    /// The statements are GRDB's cached statements, run through the SQLite C API: each column
    /// is bound straight from the rows' byte buffer (no `StatementArguments` array, no
    /// `DatabaseValue` and no string per column), and rows go in several per statement
    /// (`VALUES (...),(...)`), which spares SQLite a statement run per row.
    static func insert(_ rows: RecordRows, into db: Database) throws {
        try rows.bytes.withUnsafeBufferPointer { bytes in
            let insert = RowInserter(bytes: bytes, database: db)
            defer { insert.clearBindings() }
            try insert.insertAll(
                rows.records.count, rowsPerStatement: 16,
                "INSERT INTO audit_records(seq, id, time_us, node, op, caller_pid, actor, decision, error_kind, policy_revision, prev, hash, line)",
                columns: 13
            ) { statement, column, row in
                let record = rows.records[row]
                insert.bind(statement, column + 1, record.seq)
                insert.bind(statement, column + 2, record.id)
                insert.bind(statement, column + 3, record.timeMicros)
                insert.bind(statement, column + 4, record.node)
                insert.bind(statement, column + 5, record.op)
                insert.bind(statement, column + 6, record.callerPid)
                insert.bind(statement, column + 7, record.actor)
                insert.bind(statement, column + 8, record.decision)
                insert.bind(statement, column + 9, record.errorKind)
                insert.bind(statement, column + 10, record.policyRevision)
                insert.bind(statement, column + 11, record.prev)
                insert.bind(statement, column + 12, record.hash)
                insert.bind(statement, column + 13, record.line)
            }
            try insert.insertAll(
                rows.checks.count, rowsPerStatement: 32,
                "INSERT INTO audit_checks(seq, idx, action, resource, decision)", columns: 5
            ) { statement, column, row in
                let check = rows.checks[row]
                insert.bind(statement, column + 1, check.seq)
                insert.bind(statement, column + 2, check.idx)
                insert.bind(statement, column + 3, check.action)
                insert.bind(statement, column + 4, check.resource)
                insert.bind(statement, column + 5, check.decision.rawValue)
            }
            try insert.insertAll(
                rows.policies.count, rowsPerStatement: 64,
                "INSERT OR IGNORE INTO audit_check_policies(policy, seq, idx)", columns: 3
            ) { statement, column, row in
                let policy = rows.policies[row]
                insert.bind(statement, column + 1, policy.policy)
                insert.bind(statement, column + 2, policy.seq)
                insert.bind(statement, column + 3, policy.idx)
            }
        }
    }
}
