import WardenAuditRecord

/// Counts over a set of records, for `warden audit stats`.
///
/// Records are counted once each; checks once per check. "Denied" resources and actions are those
/// of checks that were not allowed (deny or undefined, an implicit deny); "denied" actors those of
/// records whose call was denied. Top lists are ordered by count (highest first), then by key (no actor
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
    /// Checks that were not allowed, per action.
    public var topDeniedActions: [Count] = []
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
