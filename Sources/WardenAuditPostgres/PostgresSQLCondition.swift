import PostgresNIO
import WardenAuditReview
import WardenGlob

/// The SQL `WHERE` condition (on `audit_records r`) equivalent to an ``AuditFilter``, with its
/// bindings. Patterns become `LIKE` (`*` -> `%`, the rest escaped; a pattern ending in `.*`
/// also matches the text before it), which uses the `COLLATE "C"` indexes for a literal prefix.
struct PostgresSQLCondition {
    /// The condition; with an empty filter, every call record (no checkpoint).
    private(set) var sql = ""
    /// The values for its `$n` placeholders.
    private(set) var bindings = PostgresBindings()

    init(_ filter: AuditFilter) {
        var parts: [String] = []
        if let since = filter.since { parts.append("r.time_us >= \(bind(Int(since.microseconds)))") }
        if let until = filter.until { parts.append("r.time_us < \(bind(Int(until.microseconds)))") }
        if let decision = filter.decision { parts.append("r.decision = \(bind(decision.rawValue))") }
        if let pid = filter.pid { parts.append("r.caller_pid = \(bind(pid))") }
        if let node = filter.node { parts.append("r.node = \(bind(node))") }
        if let op = filter.op { parts.append(like(op, "r.op")) }
        if let actor = filter.actor { parts.append(like(actor, "r.actor")) }
        var checkParts: [String] = []
        if let action = filter.action { checkParts.append(like(action, "c.action")) }
        if let resource = filter.resource { checkParts.append(like(resource, "c.resource")) }
        if let policy = filter.policy {
            let condition = like(policy, "p.policy")
            if checkParts.isEmpty {
                parts.append(
                    "EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.node = r.node AND p.seq = r.seq AND \(condition))"
                )
            } else {
                checkParts.append(
                    "EXISTS (SELECT 1 FROM audit_check_policies p WHERE p.node = c.node AND p.seq = c.seq AND p.idx = c.idx AND \(condition))"
                )
            }
        }
        if !checkParts.isEmpty {
            parts.append(
                "EXISTS (SELECT 1 FROM audit_checks c WHERE c.node = r.node AND c.seq = r.seq AND \(checkParts.joined(separator: " AND ")))"
            )
        }
        if filter.decision == nil { parts.append("r.decision <> 'checkpoint'") }
        sql = parts.joined(separator: " AND ")
    }

    /// Binds `value` and returns its placeholder.
    mutating func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    /// `column` matches `glob`.
    private mutating func like(_ glob: AuditGlob, _ column: String) -> String {
        if glob.isLiteral { return "\(column) = \(bind(glob.text))" }
        var condition = "\(column) LIKE \(bind(Self.likePattern(glob.text))) ESCAPE '\\'"
        if glob.text.hasSuffix(".*") {
            let base = String(glob.text.dropLast(2))
            let other =
                base.contains("*")
                ? "\(column) LIKE \(bind(Self.likePattern(base))) ESCAPE '\\'" : "\(column) = \(bind(base))"
            condition = "(\(condition) OR \(other))"
        }
        return condition
    }

    /// The `LIKE` pattern of a `*` glob.
    static func likePattern(_ glob: String) -> String {
        var pattern = ""
        for character in glob {
            switch character {
            case "*": pattern.append("%")
            case "%", "_", "\\": pattern.append("\\\(character)")
            default: pattern.append(character)
            }
        }
        return pattern
    }
}
