import WardenValue

/// The spawner builder's options, carried by a ``SpawnRequest``.
public struct SpawnOptions: Sendable, Hashable {
    /// Values from `with_context` (merged, later keys win); `nil` when never called.
    public var contextValues: [String: Value]?
    /// The actor from `with_actor`, replacing the inherited one; `nil` = inherit.
    public var actor: Actor?
    /// The scope from `with_scope`, replacing the inherited one; `nil` = inherit.
    public var scope: SecurityScope?
    /// The name from `with_name`: spawn-or-signal.
    public var name: String?
    /// Messages from `with_message`, in call order.
    public var messages: [QueuedMessage]

    /// Creates options; the defaults are those of a plain `spawn`.
    public init(
        contextValues: [String: Value]? = nil, actor: Actor? = nil, scope: SecurityScope? = nil,
        name: String? = nil, messages: [QueuedMessage] = []
    ) {
        self.contextValues = contextValues
        self.actor = actor
        self.scope = scope
        self.name = name
        self.messages = messages
    }

    /// Options of a plain module-level spawn.
    public static let none = SpawnOptions()

    /// Whether `with_actor` or `with_scope` was used (needs `process.security`).
    public var replacesSecurity: Bool { actor != nil || scope != nil }
}
