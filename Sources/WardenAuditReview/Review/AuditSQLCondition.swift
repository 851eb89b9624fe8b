import GRDB
import WardenAuditRecord

/// The SQL `WHERE` condition (on `audit_records r`) equivalent to an ``AuditFilter``.
struct AuditSQLCondition {
    /// The condition, its values bound (GRDB's SQL interpolation); with an empty filter, every
    /// call record (no checkpoint).
    let literal: SQL

    /// Whether the filter constrains an indexed column (time, pid, op, actor, action, resource,
    /// policy), so the matching rows are best found through the indexes.
    let usesIndexedColumn: Bool

    init(_ filter: AuditFilter) {
        usesIndexedColumn =
            filter.since != nil || filter.until != nil || filter.pid != nil || filter.op != nil || filter.actor != nil
            || filter.filtersChecks
        var parts: [SQL] = []
        if let since = filter.since { parts.append("r.time_us >= \(since.microseconds)") }
        if let until = filter.until { parts.append("r.time_us < \(until.microseconds)") }
        if let decision = filter.decision { parts.append("r.decision = \(decision.rawValue)") }
        if let pid = filter.pid { parts.append("r.caller_pid = \(pid)") }
        if let node = filter.node { parts.append("r.node = \(node)") }
        if let op = filter.op { parts.append(op.sqlCondition("r.op")) }
        if let actor = filter.actor { parts.append(actor.sqlCondition("r.actor")) }
        // Check-level conditions: when the record-level filter already narrows to few rows through
        // an index (a PID, or an actor with a literal prefix), probe each row's checks by primary
        // key; otherwise collect the matching seqs from the check indexes first.
        let narrowed = filter.pid != nil || !(filter.actor?.literalPrefix.isEmpty ?? true)
        if filter.action != nil || filter.resource != nil {
            var inner: [SQL] = []
            if let action = filter.action { inner.append(action.sqlCondition("c.action")) }
            if let resource = filter.resource { inner.append(resource.sqlCondition("c.resource")) }
            if let policy = filter.policy {
                inner.append(
                    """
                    EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.seq = c.seq AND p.idx = c.idx \
                    AND \(policy.sqlCondition("p.policy")))
                    """)
            }
            let conditions = inner.joined(separator: " AND ")
            parts.append(
                narrowed
                    ? "EXISTS (SELECT 1 FROM audit_checks c WHERE c.seq = r.seq AND \(conditions))"
                    : "r.seq IN (SELECT c.seq FROM audit_checks c WHERE \(conditions))")
        } else if let policy = filter.policy {
            let condition = policy.sqlCondition("p.policy")
            parts.append(
                narrowed
                    ? "EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.seq = r.seq AND \(condition))"
                    : "r.seq IN (SELECT p.seq FROM audit_check_policies p WHERE \(condition))")
        }
        // Checkpoint rows describe no call: never a match (a decision filter excludes them already).
        if filter.decision == nil { parts.append("r.decision != \(AuditRecordColumn.checkpointDecision)") }
        literal = parts.joined(separator: " AND ")
    }
}
