import WardenAuditRecord
import WardenValue

extension AuditStats {
    /// The statistics as `warden audit stats --format json` prints them (and `GET /v1/audit/stats`
    /// answers): totals, check decisions, first and last time, the top lists (`top_actions`,
    /// `top_denied_actors`, ...) and, when `bucket` names the bucket size, `bucket` and `buckets`.
    public func json(bucket: String?) -> Value {
        var map: [String: Value] = [
            "records": .int(records), "allowed": .int(allowed), "denied": .int(denied), "failed": .int(failed),
            "checks": .int(checks),
            "check_decisions": .map(
                Dictionary(
                    uniqueKeysWithValues: AuditCheckDecision.allCases.map {
                        ($0.rawValue, Value.int(checkDecisions[$0] ?? 0))
                    })),
            "first_time": firstTime.map { .string($0.rfc3339) } ?? .null,
            "last_time": lastTime.map { .string($0.rfc3339) } ?? .null,
        ]
        for (title, list) in topLists {
            map[title.replacingOccurrences(of: " ", with: "_")] = .list(
                list.map { .map(["key": $0.key.map(Value.string) ?? .null, "count": .int($0.count)]) })
        }
        if let bucket {
            map["bucket"] = .string(bucket)
            map["buckets"] = .list(
                buckets.map {
                    .map(["start": .string($0.start.rfc3339), "allow": .int($0.allow), "deny": .int($0.deny)])
                })
        }
        return .map(map)
    }

    /// The top lists with their titles, in the order the text report prints them.
    public var topLists: [(title: String, counts: [Count])] {
        [
            ("top actions", topActions), ("top actors", topActors), ("top resources", topResources),
            ("top policies", topPolicies), ("top denied actors", topDeniedActors),
            ("top denied actions", topDeniedActions),
            ("top denied resources", topDeniedResources),
        ]
    }
}
