import GRDB
import GRDBSQLite

extension AuditDatabase {
    /// Inserts sealed records (their lines and index rows) inside the caller's transaction.
    ///
    /// The statements are GRDB's cached statements, executed by binding each column straight
    /// into SQLite (``RowBinding``): no `StatementArguments` array and no `DatabaseValue` per
    /// column, which cost more than SQLite's own work for these small rows.
    static func insert(_ batch: [SealedRecord], into db: Database) throws {
        let records = try db.cachedStatement(
            sql: """
                INSERT INTO audit_records(seq, id, time_us, node, op, caller_pid, actor, decision, error_kind,
                    policy_revision, prev, hash, line) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
        let checks = try db.cachedStatement(
            sql: "INSERT INTO audit_checks(seq, idx, action, resource, decision) VALUES (?,?,?,?,?)")
        let policies = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO audit_check_policies(policy, seq, idx) VALUES (?,?,?)")
        for statement in [records, checks, policies] { RowBinding.prepare(statement) }
        for sealed in batch {
            let r = sealed.record
            let row = RowBinding(records)
            row.bind(1, r.seq)
            row.bind(2, r.id)
            row.bind(3, r.time.microseconds)
            row.bind(4, r.node)
            row.bind(5, r.op)
            row.bind(6, r.caller.pid)
            row.bind(7, r.caller.actor?.id)
            row.bind(8, r.decision.rawValue)
            row.bind(9, r.error?.kind)
            row.bind(10, r.policyRevision)
            row.bind(11, r.prev)
            row.bind(12, r.hash)
            row.bind(13, utf8: sealed.lineBytes)
            try row.execute()
            for (index, check) in r.checks.enumerated() {
                let row = RowBinding(checks)
                row.bind(1, r.seq)
                row.bind(2, index)
                row.bind(3, check.action)
                row.bind(4, check.resource)
                row.bind(5, check.decision.rawValue)
                try row.execute()
                for policy in check.policies {
                    let row = RowBinding(policies)
                    row.bind(1, policy)
                    row.bind(2, r.seq)
                    row.bind(3, index)
                    try row.execute()
                }
            }
        }
    }
}

/// One execution of a prepared statement whose parameters are bound through the SQLite C API,
/// then run by GRDB (which keeps its own bookkeeping: errors, the statement cache, transaction
/// state).
///
/// Text is bound with `SQLITE_TRANSIENT`: SQLite copies it into the parameter's buffer, which it
/// keeps between executions, so a copy costs no allocation once the buffers are large enough.
/// Every parameter of the statement must be bound before ``execute()``.
struct RowBinding {
    private let statement: Statement

    /// Starts an execution of `statement`.
    init(_ statement: Statement) {
        self.statement = statement
        // Binding needs a statement that is not in the middle of (or done with) a run.
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Binds an integer to the 1-based parameter `index`.
    func bind(_ index: Int32, _ value: Int) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)))
    }

    /// Binds an integer to the 1-based parameter `index`.
    func bind(_ index: Int32, _ value: Int64) {
        check(sqlite3_bind_int64(statement.sqliteStatement, index, sqlite3_int64(value)))
    }

    /// Binds text, or `NULL` for `nil`, to the 1-based parameter `index`.
    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else {
            check(sqlite3_bind_null(statement.sqliteStatement, index))
            return
        }
        text.withUTF8 { bind(index, utf8: $0) }
    }

    /// Binds UTF-8 bytes as text to the 1-based parameter `index`.
    func bind(_ index: Int32, utf8 bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { bind(index, utf8: $0) }
    }

    private func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no address, which SQLite would bind as NULL.
        let code = withUnsafePointer(to: 0 as CChar) { empty in
            let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? empty
            return sqlite3_bind_text(statement.sqliteStatement, index, pointer, Int32(bytes.count), Self.transient)
        }
        check(code)
    }

    /// Binding fails only for a parameter index the statement does not have or a statement
    /// that is running: programming errors, as GRDB treats them.
    private func check(_ code: Int32) {
        precondition(code == SQLITE_OK, "cannot bind a parameter of `\(statement.sql)`: sqlite error \(code)")
    }

    /// Runs the statement with the bound parameters.
    func execute() throws {
        try statement.execute()
    }

    /// Makes GRDB treat `statement`'s parameters as bound, so ``execute()`` does not ask for
    /// arguments of its own; once per statement and transaction, before the first binding.
    static func prepare(_ statement: Statement) {
        let count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        statement.setUncheckedArguments(StatementArguments(repeatElement(DatabaseValue.null, count: count)))
    }

    /// SQLite's `SQLITE_TRANSIENT` destructor: copy the bytes before returning.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
