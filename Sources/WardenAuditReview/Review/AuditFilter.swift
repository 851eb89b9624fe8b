import WardenAuditRecord

/// Which records a review command looks at. Every set field must match; `action`, `resource`
/// and `policy` must all match one and the same check of the record.
public struct AuditFilter: Sendable, Hashable {
    /// Records at or after this time.
    public var since: AuditTime?
    /// Records before this time.
    public var until: AuditTime?
    /// The caller's actor id (a glob); records without an actor never match.
    public var actor: AuditGlob?
    /// A check's action (a glob).
    public var action: AuditGlob?
    /// A check's resource (a glob).
    public var resource: AuditGlob?
    /// A policy id among a check's determining policies (a glob).
    public var policy: AuditGlob?
    /// The decision for the whole call.
    public var decision: AuditDecision?
    /// The call (a glob), e.g. `process.spawn*`.
    public var op: AuditGlob?
    /// The caller's PID, exactly.
    public var pid: String?
    /// The node that wrote the record (its `node`), exactly.
    public var node: String?

    /// A filter; with no arguments it matches every record.
    public init(
        since: AuditTime? = nil, until: AuditTime? = nil, actor: AuditGlob? = nil, action: AuditGlob? = nil,
        resource: AuditGlob? = nil, policy: AuditGlob? = nil, decision: AuditDecision? = nil, op: AuditGlob? = nil,
        pid: String? = nil, node: String? = nil
    ) {
        self.since = since
        self.until = until
        self.actor = actor
        self.action = action
        self.resource = resource
        self.policy = policy
        self.decision = decision
        self.op = op
        self.pid = pid
        self.node = node
    }

    /// Whether a check-level field (action, resource, policy) is set.
    var filtersChecks: Bool { action != nil || resource != nil || policy != nil }

    /// Whether `record` passes the filter. A checkpoint record describes no call and never does.
    public func matches(_ record: AuditRecord) -> Bool {
        if record.isCheckpoint { return false }
        if let since, record.time < since { return false }
        if let until, record.time >= until { return false }
        if let decision, record.decision != decision { return false }
        if let pid, record.caller.pid != pid { return false }
        if let node, record.node != node { return false }
        if let op, !op.matches(record.op) { return false }
        if let actor {
            guard let id = record.caller.actor?.id, actor.matches(id) else { return false }
        }
        if filtersChecks {
            return record.checks.contains { check in
                (action?.matches(check.action) ?? true) && (resource?.matches(check.resource) ?? true)
                    && (policy.map { glob in check.policies.contains { glob.matches($0) } } ?? true)
            }
        }
        return true
    }
}
