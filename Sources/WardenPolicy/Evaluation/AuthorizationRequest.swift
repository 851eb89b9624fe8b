import WardenValue

/// One check: may `actor` perform `action` on `resource`, given the request attributes `meta`?
public struct AuthorizationRequest: Sendable, Hashable {
    /// Who asks; `nil` when the caller has no actor (the context is incomplete).
    public var actor: Actor?
    /// The action, e.g. `process.spawn`.
    public var action: String
    /// The resource, e.g. `app.workers:handler` or a PID string.
    public var resource: String
    /// The request attributes, e.g. `["pid": "{app:processes|0x00001}"]`.
    public var meta: [String: Value]

    /// Creates a request.
    public init(actor: Actor?, action: String, resource: String, meta: [String: Value] = [:]) {
        self.actor = actor
        self.action = action
        self.resource = resource
        self.meta = meta
    }
}
