import GRDB

extension AuditDatabase {
    /// Inserts sealed records (their lines and index rows) inside the caller's transaction.
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
        for sealed in batch {
            let r = sealed.record
            try records.execute(arguments: [
                r.seq, r.id, r.time.microseconds, r.node, r.op, r.caller.pid, r.caller.actor?.id,
                r.decision.rawValue, r.error?.kind, r.policyRevision, r.prev, r.hash, sealed.line,
            ])
            for (index, check) in r.checks.enumerated() {
                try checks.execute(arguments: [r.seq, index, check.action, check.resource, check.decision.rawValue])
                for policy in check.policies {
                    try policies.execute(arguments: [policy, r.seq, index])
                }
            }
        }
    }
}
