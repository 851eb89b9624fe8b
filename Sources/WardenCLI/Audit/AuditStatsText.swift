import WardenAuditRecord
import WardenAuditReview
import WardenValue

/// Renders ``AuditStats`` for people (text) and programs (JSON).
enum AuditStatsText {
    static func render(_ s: AuditStats, bucket: String?) -> String {
        var out = "records  \(s.records) (allowed \(s.allowed), denied \(s.denied), failed \(s.failed))\n"
        let decisions = AuditCheckDecision.allCases.map { "\($0.rawValue) \(s.checkDecisions[$0] ?? 0)" }.joined(
            separator: ", ")
        out += "checks   \(s.checks) (\(decisions))\n"
        if let first = s.firstTime, let last = s.lastTime { out += "time     \(first) ... \(last)\n" }
        for (title, list) in lists(s) {
            out += "\n\(title)\n"
            if list.isEmpty { out += "  (none)\n" }
            let width = list.map { String($0.count).count }.max() ?? 0
            for entry in list {
                let count = String(entry.count)
                out +=
                    "  " + String(repeating: " ", count: width - count.count) + count + "  "
                    + (entry.key ?? "(no actor)") + "\n"
            }
        }
        if let bucket {
            out += "\nby \(bucket)\n"
            if s.buckets.isEmpty { out += "  (none)\n" }
            for b in s.buckets { out += "  \(b.start)  allow \(b.allow)  deny \(b.deny)\n" }
        }
        return out
    }

    /// `{"records", "allowed", "denied", "failed", "checks", "check_decisions": {"allow", "deny",
    /// "undefined"}, "first_time", "last_time", "top_actions", "top_actors", "top_resources",
    /// "top_policies", "top_denied_actors", "top_denied_actions", "top_denied_resources"` (each a
    /// list of `{"key", "count"}`), then with `--by` `"bucket"` and `"buckets": [{"start",
    /// "allow", "deny"}]}`, in this order.
    static func json(_ s: AuditStats, bucket: String?) -> JSONObject {
        var object = JSONObject()
        object.add("records", .int(s.records))
        object.add("allowed", .int(s.allowed))
        object.add("denied", .int(s.denied))
        object.add("failed", .int(s.failed))
        object.add("checks", .int(s.checks))
        var decisions = JSONObject()
        for decision in AuditCheckDecision.allCases {
            decisions.add(decision.rawValue, .int(s.checkDecisions[decision] ?? 0))
        }
        object.add("check_decisions", decisions)
        object.add("first_time", s.firstTime.map { .string($0.rfc3339) } ?? .null)
        object.add("last_time", s.lastTime.map { .string($0.rfc3339) } ?? .null)
        for (title, counts) in lists(s) {
            object.add(
                title.replacingOccurrences(of: " ", with: "_"),
                counts.map { count in
                    var entry = JSONObject()
                    entry.add("key", count.key.map(Value.string) ?? .null)
                    entry.add("count", .int(count.count))
                    return entry
                })
        }
        if let bucket {
            object.add("bucket", .string(bucket))
            object.add(
                "buckets",
                s.buckets.map { row in
                    var entry = JSONObject()
                    entry.add("start", .string(row.start.rfc3339))
                    entry.add("allow", .int(row.allow))
                    entry.add("deny", .int(row.deny))
                    return entry
                })
        }
        return object
    }

    private static func lists(_ s: AuditStats) -> [(String, [AuditStats.Count])] {
        s.topLists.map { ($0.title, $0.counts) }
    }
}
