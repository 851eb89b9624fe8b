import GRDB
import WardenAuditRecord

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
                "INSERT INTO audit_records(\(AuditRecordColumn.nameList))",
                columns: Int32(AuditRecordColumn.allCases.count)
            ) { statement, column, row in
                let record = rows.records[row]
                for (offset, field) in AuditRecordColumn.allCases.enumerated() {
                    let index = column + Int32(offset) + 1
                    switch field {
                    case .seq: insert.bind(statement, index, record.seq)
                    case .id: insert.bind(statement, index, record.id)
                    case .timeMicros: insert.bind(statement, index, record.timeMicros)
                    case .node: insert.bind(statement, index, record.node)
                    case .op: insert.bind(statement, index, record.op)
                    case .callerPid: insert.bind(statement, index, record.callerPid)
                    case .actor: insert.bind(statement, index, record.actor)
                    case .decision: insert.bind(statement, index, record.decision)
                    case .errorKind: insert.bind(statement, index, record.errorKind)
                    case .policyRevision: insert.bind(statement, index, record.policyRevision)
                    case .prev: insert.bind(statement, index, record.prev)
                    case .hash: insert.bind(statement, index, record.hash)
                    case .line: insert.bind(statement, index, record.line)
                    }
                }
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
