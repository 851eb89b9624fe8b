import WardenValue

/// One permission evaluated for a call: the request, its decision and what decided it.
public struct AuditCheck: Sendable, Hashable {
    /// The action asked for, e.g. `process.spawn`.
    public var action: String
    /// The resource asked for, e.g. `app.workers:handler` or a PID string.
    public var resource: String
    /// The decision for this request.
    public var decision: AuditCheckDecision
    /// The determining policy ids: the denying ones for deny, the allowing ones for allow.
    public var policies: [String]
    /// Per-policy evaluation errors, as messages.
    public var errors: [String]
    /// The request attributes the check was evaluated with (`pid`, `op`, `host`, `topic`,
    /// `name`, `owner`), so a replay evaluates exactly the same request.
    public var meta: [String: Value]

    /// Creates a check.
    public init(
        action: String,
        resource: String,
        decision: AuditCheckDecision,
        policies: [String] = [],
        errors: [String] = [],
        meta: [String: Value] = [:]
    ) {
        self.action = action
        self.resource = resource
        self.decision = decision
        self.policies = policies
        self.errors = errors
        self.meta = meta
    }
}
