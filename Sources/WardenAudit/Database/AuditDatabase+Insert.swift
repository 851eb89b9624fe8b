import GRDB
import GRDBSQLite

extension AuditDatabase {
    /// Inserts records (their lines and index rows) inside the caller's transaction.
    ///
    /// The statements are GRDB's cached statements, run through the SQLite C API: each column
    /// is bound straight from the rows' byte buffer (no `StatementArguments` array, no
    /// `DatabaseValue` and no string per column), which costs less than SQLite's own work for
    /// these small rows.
    static func insert(_ rows: RecordRows, into db: Database) throws {
        let records = try db.cachedStatement(
            sql: """
                INSERT INTO audit_records(seq, id, time_us, node, op, caller_pid, actor, decision, error_kind,
                    policy_revision, prev, hash, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
        let checks = try db.cachedStatement(
            sql: "INSERT INTO audit_checks(seq, idx, action, resource, decision) VALUES (?,?,?,?,?)")
        let policies = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO audit_check_policies(policy, seq, idx) VALUES (?,?,?)")
        try rows.bytes.withUnsafeBufferPointer { bytes in
            let insert = RowInserter(bytes: bytes, database: db)
            defer { for statement in [records, checks, policies] { insert.clearBindings(statement) } }
            for record in rows.records {
                insert.bind(records, 1, record.seq)
                insert.bind(records, 2, record.id)
                insert.bind(records, 3, record.timeMicros)
                insert.bind(records, 4, record.node)
                insert.bind(records, 5, record.op)
                insert.bind(records, 6, record.callerPid)
                insert.bind(records, 7, record.actor)
                insert.bind(records, 8, record.decision.rawValue)
                insert.bind(records, 9, record.errorKind)
                insert.bind(records, 10, record.policyRevision)
                insert.bind(records, 11, record.prev)
                insert.bind(records, 12, record.hash)
                insert.bind(records, 13, record.line)
                try insert.run(records)
                for (index, check) in rows.checks[record.checks].enumerated() {
                    insert.bind(checks, 1, record.seq)
                    insert.bind(checks, 2, index)
                    insert.bind(checks, 3, check.action)
                    insert.bind(checks, 4, check.resource)
                    insert.bind(checks, 5, check.decision.rawValue)
                    try insert.run(checks)
                    for policy in rows.policies[check.policies] {
                        insert.bind(policies, 1, policy)
                        insert.bind(policies, 2, record.seq)
                        insert.bind(policies, 3, index)
                        try insert.run(policies)
                    }
                }
            }
        }
    }
}

/// Binds parameters of prepared inserts through the SQLite C API and runs them.
///
/// Text is bound with `SQLITE_STATIC` from `bytes`, which must outlive every run; the caller
/// clears the bindings before `bytes` goes away. Binding fails only for a parameter index the
/// statement lacks or a statement that is running, programming errors that stop the process as
/// GRDB's own binding does. A failed step is reported as GRDB's `DatabaseError`; the statement
/// is reset and GRDB's transaction rolls back around it.
private struct RowInserter {
    let bytes: UnsafeBufferPointer<UInt8>
    let database: Database

    func bind(_ statement: Statement, _ index: Int32, _ value: Int) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: Int64) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ text: RecordRows.Text?) {
        guard let text else {
            check(sqlite3_bind_null(statement.sqliteStatement, index), statement)
            return
        }
        // A valid address even for empty text (a null pointer would bind NULL).
        let pointer = (bytes.baseAddress.map { UnsafeRawPointer($0 + text.lowerBound) } ?? UnsafeRawPointer(Self.empty.utf8Start))
            .assumingMemoryBound(to: CChar.self)
        check(sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(text.count), nil), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: StaticString) {
        let pointer = UnsafeRawPointer(value.utf8Start).assumingMemoryBound(to: CChar.self)
        check(sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(value.utf8CodeUnitCount), nil), statement)
    }

    func bind(_ statement: Statement, _ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let pointer = UnsafeRawPointer(utf8.baseAddress ?? Self.empty.utf8Start).assumingMemoryBound(to: CChar.self)
            check(sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(utf8.count), Self.transient), statement)
        }
    }

    /// Runs `statement` with its bound parameters, then resets it for the next row.
    func run(_ statement: Statement) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = database.lastErrorMessage
            sqlite3_reset(statement.sqliteStatement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(statement.sqliteStatement)
    }

    func clearBindings(_ statement: Statement) {
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    private func check(_ code: Int32, _ statement: Statement) {
        precondition(code == SQLITE_OK, "cannot bind a parameter of `\(statement.sql)`: sqlite error \(code)")
    }

    private static let empty: StaticString = ""

    /// SQLite's `SQLITE_TRANSIENT` destructor: copy the bytes before returning.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
