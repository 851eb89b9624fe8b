import WardenAuditRecord

/// Builds ``AuditStats`` from records one at a time.
public struct AuditStatsAccumulator: Sendable {
    private let options: AuditStatsOptions
    private var stats = AuditStats()
    private var actions: [String?: Int] = [:]
    private var actors: [String?: Int] = [:]
    private var resources: [String?: Int] = [:]
    private var policies: [String?: Int] = [:]
    private var deniedActors: [String?: Int] = [:]
    private var deniedActions: [String?: Int] = [:]
    private var deniedResources: [String?: Int] = [:]
    private var buckets: [Int64: (allow: Int, deny: Int)] = [:]

    /// An empty accumulator.
    public init(options: AuditStatsOptions = AuditStatsOptions()) {
        self.options = options
    }

    /// Counts one record.
    public mutating func add(_ record: AuditRecord) {
        stats.records += 1
        let allowed = record.decision == .allow
        if allowed { stats.allowed += 1 } else { stats.denied += 1 }
        if record.error != nil { stats.failed += 1 }
        stats.firstTime = min(stats.firstTime ?? record.time, record.time)
        stats.lastTime = max(stats.lastTime ?? record.time, record.time)
        let actor = record.caller.actor?.id
        actors[actor, default: 0] += 1
        if !allowed { deniedActors[actor, default: 0] += 1 }
        for check in record.checks {
            stats.checks += 1
            stats.checkDecisions[check.decision, default: 0] += 1
            actions[check.action, default: 0] += 1
            resources[check.resource, default: 0] += 1
            if check.decision != .allow {
                deniedActions[check.action, default: 0] += 1
                deniedResources[check.resource, default: 0] += 1
            }
            for policy in Set(check.policies) { policies[policy, default: 0] += 1 }
        }
        if let size = options.bucketMicroseconds {
            let start = record.time.microseconds.floorDivided(by: size).quotient * size
            var bucket = buckets[start] ?? (0, 0)
            if allowed { bucket.allow += 1 } else { bucket.deny += 1 }
            buckets[start] = bucket
        }
    }

    /// The statistics of every record added.
    public var result: AuditStats {
        var out = stats
        out.topActions = AuditStats.ranked(actions, top: options.top)
        out.topActors = AuditStats.ranked(actors, top: options.top)
        out.topResources = AuditStats.ranked(resources, top: options.top)
        out.topPolicies = AuditStats.ranked(policies, top: options.top)
        out.topDeniedActors = AuditStats.ranked(deniedActors, top: options.top)
        out.topDeniedActions = AuditStats.ranked(deniedActions, top: options.top)
        out.topDeniedResources = AuditStats.ranked(deniedResources, top: options.top)
        out.buckets = buckets.keys.sorted().map { start in
            let counts = buckets[start] ?? (0, 0)
            return AuditStats.Bucket(start: AuditTime(microseconds: start), allow: counts.allow, deny: counts.deny)
        }
        return out
    }
}
