import WardenValue

/// The names an expression can see: `actor`, `action`, `resource` and `meta`.
public struct ExpressionEnvironment: Sendable {
    /// The calling actor, or `nil` when the request has none (then `actor` is `nil`).
    public var actor: Actor?
    /// The requested action, e.g. `process.spawn`.
    public var action: String
    /// The requested resource, e.g. `app.workers:handler`.
    public var resource: String
    /// The request attributes.
    public var meta: [String: Value]

    /// Creates an environment.
    public init(actor: Actor?, action: String, resource: String, meta: [String: Value]) {
        self.actor = actor
        self.action = action
        self.resource = resource
        self.meta = meta
    }
}
