import WardenValue

/// Who made a guarded call: the calling process, its frame and its security context.
public struct AuditCaller: Sendable, Hashable {
    /// The caller's PID string, e.g. `{app:processes|0x00000001}`; `nil` when there is none
    /// (the standalone evaluator service).
    public var pid: String?
    /// The caller's frame (call-chain) id; `nil` when there is none.
    public var frame: String?
    /// The caller's actor; `nil` when the caller has none.
    public var actor: Actor?
    /// The policy ids in the caller's scope.
    public var scope: [String]
    /// The group ids in the caller's scope, kept so a replay can resolve them against another
    /// policy set.
    public var groups: [String]
    /// Whether the caller had both an actor and a scope.
    public var context: AuditContext
    /// Where in the calling process's own source the call was made (`relay.lua:42`), when its
    /// host knows (the Lua host does); the record's `caller` object has no `site` otherwise.
    public var site: String?

    /// Creates a caller description.
    public init(
        pid: String?,
        frame: String? = nil,
        actor: Actor?,
        scope: [String] = [],
        groups: [String] = [],
        context: AuditContext,
        site: String? = nil
    ) {
        self.pid = pid
        self.frame = frame
        self.actor = actor
        self.scope = scope
        self.groups = groups
        self.context = context
        self.site = site
    }
}
