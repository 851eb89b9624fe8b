import GRDB
import WardenAuditRecord

/// The SQL `WHERE` condition (on `audit_records r`) equivalent to an ``AuditFilter``.
struct AuditSQLCondition {
    /// The condition; with an empty filter, every call record (no checkpoint).
    let sql: String
    /// The values bound to its `?` placeholders, in order.
    let arguments: [DatabaseValue]

    /// Whether the filter constrains an indexed column (time, pid, op, actor, action, resource,
    /// policy), so the matching rows are best found through the indexes.
    let usesIndexedColumn: Bool

    init(_ filter: AuditFilter) {
        usesIndexedColumn =
            filter.since != nil || filter.until != nil || filter.pid != nil || filter.op != nil || filter.actor != nil
            || filter.filtersChecks
        var parts: [String] = []
        var arguments: [DatabaseValue] = []
        func add(_ sql: String, _ values: [any DatabaseValueConvertible]) {
            parts.append(sql)
            arguments.append(contentsOf: values.map(\.databaseValue))
        }
        if let since = filter.since { add("r.time_us >= ?", [since.microseconds]) }
        if let until = filter.until { add("r.time_us < ?", [until.microseconds]) }
        if let decision = filter.decision { add("r.decision = ?", [decision.rawValue]) }
        if let pid = filter.pid { add("r.caller_pid = ?", [pid]) }
        if let node = filter.node { add("r.node = ?", [node]) }
        if let op = filter.op {
            let c = op.sqlCondition("r.op")
            add(c.sql, c.arguments)
        }
        if let actor = filter.actor {
            let c = actor.sqlCondition("r.actor")
            add(c.sql, c.arguments)
        }
        // Check-level conditions: when the record-level filter already narrows to few rows through
        // an index (a PID, or an actor with a literal prefix), probe each row's checks by primary
        // key; otherwise collect the matching seqs from the check indexes first.
        let narrowed = filter.pid != nil || !(filter.actor?.literalPrefix.isEmpty ?? true)
        if filter.action != nil || filter.resource != nil {
            var inner: [String] = []
            var innerArguments: [any DatabaseValueConvertible] = []
            for (glob, column) in [(filter.action, "c.action"), (filter.resource, "c.resource")] {
                guard let glob else { continue }
                let c = glob.sqlCondition(column)
                inner.append(c.sql)
                innerArguments.append(contentsOf: c.arguments)
            }
            if let policy = filter.policy {
                let c = policy.sqlCondition("p.policy")
                inner.append(
                    "EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.seq = c.seq AND p.idx = c.idx AND \(c.sql))")
                innerArguments.append(contentsOf: c.arguments)
            }
            let conditions = inner.joined(separator: " AND ")
            if narrowed {
                add("EXISTS (SELECT 1 FROM audit_checks c WHERE c.seq = r.seq AND \(conditions))", innerArguments)
            } else {
                add("r.seq IN (SELECT c.seq FROM audit_checks c WHERE \(conditions))", innerArguments)
            }
        } else if let policy = filter.policy {
            let c = policy.sqlCondition("p.policy")
            if narrowed {
                add("EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.seq = r.seq AND \(c.sql))", c.arguments)
            } else {
                add("r.seq IN (SELECT p.seq FROM audit_check_policies p WHERE \(c.sql))", c.arguments)
            }
        }
        // Checkpoint rows describe no call: never a match (a decision filter excludes them already).
        if filter.decision == nil { parts.append("r.decision != '\(AuditRecordColumn.checkpointDecision)'") }
        self.sql = parts.joined(separator: " AND ")
        self.arguments = arguments
    }
}
