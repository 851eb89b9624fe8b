import WardenValue

/// Who a process acts as: an actor and a scope, either of which may be absent.
public struct SecurityContext: Sendable, Hashable {
    /// The acting principal, or `nil` for none (strict mode applies).
    public var actor: Actor?
    /// The policies and groups to evaluate against, or `nil` for none (strict mode applies).
    public var scope: SecurityScope?

    /// Creates a security context.
    public init(actor: Actor? = nil, scope: SecurityScope? = nil) {
        self.actor = actor
        self.scope = scope
    }

    /// A context with neither actor nor scope.
    public static let none = SecurityContext()
}
