import WardenAuditRecord
import WardenAuditReview
import WardenValue

/// Renders ``AuditStats`` for people (text) and programs (JSON).
enum AuditStatsText {
    static func render(_ s: AuditStats, bucket: String?) -> String {
        var out = "records  \(s.records) (allowed \(s.allowed), denied \(s.denied), failed \(s.failed))\n"
        let decisions = AuditCheckDecision.allCases.map { "\($0.rawValue) \(s.checkDecisions[$0] ?? 0)" }.joined(separator: ", ")
        out += "checks   \(s.checks) (\(decisions))\n"
        if let first = s.firstTime, let last = s.lastTime { out += "time     \(first) ... \(last)\n" }
        for (title, list) in lists(s) {
            out += "\n\(title)\n"
            if list.isEmpty { out += "  (none)\n" }
            let width = list.map { String($0.count).count }.max() ?? 0
            for entry in list {
                let count = String(entry.count)
                out += "  " + String(repeating: " ", count: width - count.count) + count + "  " + (entry.key ?? "(no actor)") + "\n"
            }
        }
        if let bucket {
            out += "\nby \(bucket)\n"
            if s.buckets.isEmpty { out += "  (none)\n" }
            for b in s.buckets { out += "  \(b.start)  allow \(b.allow)  deny \(b.deny)\n" }
        }
        return out
    }

    static func json(_ s: AuditStats, bucket: String?) -> Value { s.json(bucket: bucket) }

    private static func lists(_ s: AuditStats) -> [(String, [AuditStats.Count])] {
        s.topLists.map { ($0.title, $0.counts) }
    }
}
