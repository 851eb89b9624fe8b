/// Counts over a set of records, for `warden audit stats`.
///
/// Records are counted once each; checks once per check. "Denied" resources are those of checks
/// that were not allowed (deny or undefined, an implicit deny); "denied" actors those of records
/// whose call was denied. Top lists are ordered by count (highest first), then by key (no actor
/// first, then UTF-8 byte order).
public struct AuditStats: Sendable, Hashable {
    /// One entry of a top list; `key` is `nil` for records without an actor.
    public struct Count: Sendable, Hashable {
        /// The action, actor, resource or policy id.
        public var key: String?
        /// How many records (actors) or checks (actions, resources, policies).
        public var count: Int

        /// Creates an entry.
        public init(key: String?, count: Int) {
            self.key = key
            self.count = count
        }
    }

    /// Records in one time bucket.
    public struct Bucket: Sendable, Hashable {
        /// The bucket's start (a multiple of the bucket size since the Unix epoch).
        public var start: AuditTime
        /// Allowed calls.
        public var allow: Int
        /// Denied calls.
        public var deny: Int

        /// Creates a bucket.
        public init(start: AuditTime, allow: Int, deny: Int) {
            self.start = start
            self.allow = allow
            self.deny = deny
        }
    }

    /// Number of records.
    public var records = 0
    /// Records whose call was allowed.
    public var allowed = 0
    /// Records whose call was denied.
    public var denied = 0
    /// Records of calls that failed (with an `error`).
    public var failed = 0
    /// Number of checks.
    public var checks = 0
    /// Checks by decision.
    public var checkDecisions: [AuditCheckDecision: Int] = [:]
    /// The earliest and latest record time, when there are records.
    public var firstTime: AuditTime?
    /// The latest record time.
    public var lastTime: AuditTime?
    /// Checks per action.
    public var topActions: [Count] = []
    /// Records per actor.
    public var topActors: [Count] = []
    /// Checks per resource.
    public var topResources: [Count] = []
    /// Checks per determining policy.
    public var topPolicies: [Count] = []
    /// Denied records per actor.
    public var topDeniedActors: [Count] = []
    /// Checks that were not allowed, per resource.
    public var topDeniedResources: [Count] = []
    /// Records per time bucket (only buckets holding records), oldest first; empty unless asked for.
    public var buckets: [Bucket] = []

    /// Creates empty statistics.
    public init() {}

    /// Orders top-list entries: count descending, then no key first, then UTF-8 byte order.
    static func ranked(_ counts: [String?: Int], top: Int) -> [Count] {
        counts.map { Count(key: $0.key, count: $0.value) }
            .sorted { a, b in
                if a.count != b.count { return a.count > b.count }
                switch (a.key, b.key) {
                case (nil, nil): return false
                case (nil, _): return true
                case (_, nil): return false
                case (let x?, let y?): return x.utf8.lexicographicallyPrecedes(y.utf8)
                }
            }
            .prefix(max(0, top)).map { $0 }
    }
}

/// What ``AuditStats`` computes beyond totals.
public struct AuditStatsOptions: Sendable, Hashable {
    /// Length of the top lists.
    public var top: Int
    /// Bucket size in microseconds for the time histogram; `nil` for none.
    public var bucketMicroseconds: Int64?

    /// Creates options.
    public init(top: Int = 10, bucketMicroseconds: Int64? = nil) {
        self.top = top
        self.bucketMicroseconds = bucketMicroseconds.map { max(1, $0) }
    }
}

/// Builds ``AuditStats`` from records one at a time.
public struct AuditStatsAccumulator: Sendable {
    private let options: AuditStatsOptions
    private var stats = AuditStats()
    private var actions: [String?: Int] = [:]
    private var actors: [String?: Int] = [:]
    private var resources: [String?: Int] = [:]
    private var policies: [String?: Int] = [:]
    private var deniedActors: [String?: Int] = [:]
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
            if check.decision != .allow { deniedResources[check.resource, default: 0] += 1 }
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
        out.topDeniedResources = AuditStats.ranked(deniedResources, top: options.top)
        out.buckets = buckets.keys.sorted().map { start in
            let counts = buckets[start] ?? (0, 0)
            return AuditStats.Bucket(start: AuditTime(microseconds: start), allow: counts.allow, deny: counts.deny)
        }
        return out
    }
}
