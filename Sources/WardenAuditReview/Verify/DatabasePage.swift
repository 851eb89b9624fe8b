import GRDB
import WardenAuditRecord

/// One page of `audit_records` rows with their check and policy rows.
struct DatabasePage {
    struct RecordRow {
        var seq: Int
        var id: String
        var timeMicros: Int64
        var node: String
        var op: String
        var callerPid: String?
        var actor: String?
        var decision: String
        var errorKind: String?
        var policyRevision: String
        var prev: String
        var hash: String
        var line: String

        /// The first column that disagrees with `record`, or `nil`.
        func mismatch(with record: AuditRecord) -> String? {
            if seq != record.seq { return "seq" }
            if id != record.id { return "id" }
            if timeMicros != record.time.microseconds { return "time_us" }
            if node != record.node { return "node" }
            if op != record.op { return "op" }
            if callerPid != record.caller.pid { return "caller_pid" }
            if actor != record.caller.actor?.id { return "actor" }
            if decision != RecordRows.decisionColumn(record) { return "decision" }
            if errorKind != record.error?.kind { return "error_kind" }
            if policyRevision != record.policyRevision { return "policy_revision" }
            if prev != record.prev { return "prev" }
            if hash != record.hash { return "hash" }
            return nil
        }
    }

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

    var rows: [RecordRow]
    var checks: [CheckRow]
    var policies: [PolicyRow]

    static func fetch(_ database: AuditDatabase, after: Int, limit: Int) throws -> DatabasePage {
        try database.queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, id, time_us, node, op, caller_pid, actor, decision, error_kind, policy_revision, prev, hash, line
                    FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?
                    """, arguments: [after, limit]
            ).map { row in
                RecordRow(
                    seq: row[0], id: row[1], timeMicros: row[2], node: row[3], op: row[4], callerPid: row[5],
                    actor: row[6],
                    decision: row[7], errorKind: row[8], policyRevision: row[9], prev: row[10], hash: row[11],
                    line: row[12])
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
