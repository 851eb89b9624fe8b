import PostgresNIO
import WardenAuditRecord
import WardenValue

/// One page of a node's `audit_records` rows with their check and policy rows, for `verify`.
struct PostgresVerifyPage {
    struct CheckRow: Hashable {
        var seq: Int
        var idx: Int
        var action: String
        var resource: String
        var decision: String
        var policies: Set<String>
    }

    var rows: [AuditStoredRow]
    var checks: [CheckRow]

    static func fetch(node: String, after: Int, limit: Int, on connection: PostgresBlockingConnection)
        throws(PostgresAuditError) -> PostgresVerifyPage
    {
        let records = try connection.query(
            """
            SELECT \(unescaped: AuditRecordColumn.nameList)
            FROM audit_records WHERE node = \(node) AND seq > \(after) ORDER BY seq LIMIT \(limit)
            """)
        do {
            let rows = try records.map { row in
                let cells = row.makeRandomAccess()
                return AuditStoredRow(
                    values: try AuditRecordColumn.allCases.enumerated().map { index, column in
                        column.isInteger
                            ? try cells[index].decode(Int64?.self).map(AuditColumnValue.integer) ?? .null
                            : AuditColumnValue(try cells[index].decode(String?.self))
                    })
            }
            guard let first = rows.first, let last = rows.last else { return PostgresVerifyPage(rows: [], checks: []) }
            let checkRows = try connection.query(
                """
                SELECT c.seq, c.idx, c.action, c.resource, c.decision,
                       COALESCE((SELECT array_agg(p.policy) FROM audit_check_policies p
                                 WHERE p.node = c.node AND p.seq = c.seq AND p.idx = c.idx), '{}')
                FROM audit_checks c WHERE c.node = \(node) AND c.seq BETWEEN \(first.seq) AND \(last.seq) ORDER BY c.seq, c.idx
                """)
            let checks = try checkRows.map { row in
                let (seq, idx, action, resource, decision, policies) = try row.decode(
                    (Int, Int, String, String, String, [String]).self)
                return CheckRow(
                    seq: seq, idx: idx, action: action, resource: resource, decision: decision, policies: Set(policies))
            }
            return PostgresVerifyPage(rows: rows, checks: checks)
        } catch let error as PostgresAuditError {
            throw error
        } catch {
            throw PostgresAuditError(.queryFailed, "`\(connection.url)`: cannot read node `\(node)`'s rows: \(error)")
        }
    }

    /// The seq of the first record whose check rows differ from its line, or `nil`.
    func checkMismatch(_ records: [AuditRecord]) -> Int? {
        var expected: [CheckRow] = []
        for record in records {
            for (idx, check) in record.checks.enumerated() {
                expected.append(
                    CheckRow(
                        seq: record.seq, idx: idx, action: check.action, resource: check.resource,
                        decision: check.decision.rawValue,
                        policies: Set(check.policies)))
            }
        }
        guard expected != checks else { return nil }
        if let difference = zip(expected, checks).first(where: { $0 != $1 }) {
            return min(difference.0.seq, difference.1.seq)
        }
        return expected.count > checks.count ? expected[checks.count].seq : checks[expected.count].seq
    }
}
