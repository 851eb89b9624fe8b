import GRDB
import WardenAuditRecord

/// One page of `audit_records` rows with their check and policy rows.
struct DatabasePage {
    struct CheckRow: Equatable {
        var seq: Int
        var idx: Int
        var action: String
        var resource: String
        var decision: String
    }

    struct PolicyRow: Hashable {
        var seq: Int
        var idx: Int
        var policy: String
    }

    var rows: [AuditStoredRow]
    var checks: [CheckRow]
    var policies: [PolicyRow]

    static func fetch(_ database: AuditDatabase, after: Int, limit: Int) throws -> DatabasePage {
        try database.queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(AuditRecordColumn.nameList) FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?",
                arguments: [after, limit]
            ).map { row in
                AuditStoredRow(values: (0..<AuditRecordColumn.allCases.count).map { Self.value(row[$0]) })
            }
            guard let first = rows.first, let last = rows.last else {
                return DatabasePage(rows: [], checks: [], policies: [])
            }
            let checks = try Row.fetchAll(
                db,
                sql:
                    "SELECT seq, idx, action, resource, decision FROM audit_checks WHERE seq BETWEEN ? AND ? ORDER BY seq, idx",
                arguments: [first.seq, last.seq]
            ).map { CheckRow(seq: $0[0], idx: $0[1], action: $0[2], resource: $0[3], decision: $0[4]) }
            let policies = try Row.fetchAll(
                db, sql: "SELECT seq, idx, policy FROM audit_check_policies WHERE seq BETWEEN ? AND ?",
                arguments: [first.seq, last.seq]
            ).map { PolicyRow(seq: $0[0], idx: $0[1], policy: $0[2]) }
            return DatabasePage(rows: rows, checks: checks, policies: policies)
        }
    }

    /// A stored value as a column value; a value of a type the schema does not write (a real,
    /// a blob: the database was edited) becomes text that matches no record's column.
    private static func value(_ stored: DatabaseValue) -> AuditColumnValue {
        switch stored.storage {
        case .null: .null
        case .int64(let integer): .integer(integer)
        case .string(let text): .text(text)
        case .double(let real): .text("real \(real)")
        case .blob(let bytes): .text("blob of \(bytes.count) bytes")
        }
    }

    /// The seq of the first record whose check or policy rows differ from its line, or `nil`.
    func checkMismatch(_ records: [AuditRecord]) -> Int? {
        var expected: [CheckRow] = []
        var expectedPolicies = Set<PolicyRow>()
        for record in records {
            for (idx, check) in record.checks.enumerated() {
                expected.append(
                    CheckRow(
                        seq: record.seq, idx: idx, action: check.action, resource: check.resource,
                        decision: check.decision.rawValue))
                for policy in check.policies {
                    expectedPolicies.insert(PolicyRow(seq: record.seq, idx: idx, policy: policy))
                }
            }
        }
        if expected != checks {
            let firstDifference = zip(expected, checks).first { $0 != $1 }
            return firstDifference.map { min($0.seq, $1.seq) }
                ?? (expected.count > checks.count ? expected[checks.count].seq : checks[expected.count].seq)
        }
        let found = Set(policies)
        if found.count != policies.count || found != expectedPolicies {
            let difference = found.symmetricDifference(expectedPolicies)
            return difference.map(\.seq).min() ?? records.first?.seq
        }
        return nil
    }
}
