import WardenAudit
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

    static func json(_ s: AuditStats, bucket: String?) -> Value {
        var map: [String: Value] = [
            "records": .int(s.records), "allowed": .int(s.allowed), "denied": .int(s.denied), "failed": .int(s.failed),
            "checks": .int(s.checks),
            "check_decisions": .map(Dictionary(uniqueKeysWithValues: AuditCheckDecision.allCases.map { ($0.rawValue, Value.int(s.checkDecisions[$0] ?? 0)) })),
            "first_time": s.firstTime.map { .string($0.rfc3339) } ?? .null,
            "last_time": s.lastTime.map { .string($0.rfc3339) } ?? .null,
        ]
        for (title, list) in lists(s) {
            map[title.replacingOccurrences(of: " ", with: "_")] = .list(
                list.map { .map(["key": $0.key.map(Value.string) ?? .null, "count": .int($0.count)]) })
        }
        if let bucket {
            map["bucket"] = .string(bucket)
            map["buckets"] = .list(
                s.buckets.map { .map(["start": .string($0.start.rfc3339), "allow": .int($0.allow), "deny": .int($0.deny)]) })
        }
        return .map(map)
    }

    private static func lists(_ s: AuditStats) -> [(String, [AuditStats.Count])] {
        [
            ("top actions", s.topActions), ("top actors", s.topActors), ("top resources", s.topResources),
            ("top policies", s.topPolicies), ("top denied actors", s.topDeniedActors),
            ("top denied resources", s.topDeniedResources),
        ]
    }
}
