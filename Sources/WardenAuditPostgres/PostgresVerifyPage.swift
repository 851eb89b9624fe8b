import PostgresNIO
import WardenAuditRecord
import WardenValue

/// One page of a node's `audit_records` rows with their check and policy rows, for `verify`.
struct PostgresVerifyPage {
    struct RecordRow {
        var seq: Int
        var id: String
        var timeMicros: Int
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
            if timeMicros != Int(record.time.microseconds) { return "time_us" }
            if node != record.node { return "node" }
            if op != record.op { return "op" }
            if callerPid != record.caller.pid { return "caller_pid" }
            if actor != record.caller.actor?.id { return "actor" }
            if decision != PostgresRecordColumns.decisionColumn(record) { return "decision" }
            if errorKind != record.error?.kind { return "error_kind" }
            if policyRevision != record.policyRevision { return "policy_revision" }
            if prev != record.prev { return "prev" }
            if hash != record.hash { return "hash" }
            return nil
        }
    }

    struct CheckRow: Hashable {
        var seq: Int
        var idx: Int
        var action: String
        var resource: String
        var decision: String
        var policies: Set<String>
    }

    var rows: [RecordRow]
    var checks: [CheckRow]

    static func fetch(node: String, after: Int, limit: Int, on connection: PostgresBlockingConnection)
        throws(PostgresAuditError) -> PostgresVerifyPage
    {
        let records = try connection.query(
            """
            SELECT seq, id, time_us, node, op, caller_pid, actor, decision, error_kind, policy_revision, prev, hash, line
            FROM audit_records WHERE node = \(node) AND seq > \(after) ORDER BY seq LIMIT \(limit)
            """)
        do {
            let rows = try records.map { row in
                let (seq, id, time, node, op, pid, actor, decision, errorKind, revision, prev, hash, line) =
                    try row.decode(
                        (
                            Int, String, Int, String, String, String?, String?, String, String?, String, String, String,
                            String
                        ).self)
                return RecordRow(
                    seq: seq, id: id, timeMicros: time, node: node, op: op, callerPid: pid, actor: actor,
                    decision: decision,
                    errorKind: errorKind, policyRevision: revision, prev: prev, hash: hash, line: line)
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
