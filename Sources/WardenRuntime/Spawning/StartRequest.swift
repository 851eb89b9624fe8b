import WardenValue

/// How code outside any process starts a root process.
public struct StartRequest: Sendable {
    /// The process definition id.
    public var definition: String
    /// The host id.
    public var host: String
    /// Arguments passed to the body.
    public var args: [Value]
    /// The root's actor and scope (a definition's `security:` block still applies on top).
    public var security: SecurityContext
    /// Context values visible to the body.
    public var contextValues: [String: Value]?
    /// A name to register before the body runs (`ALREADY_EXISTS` when held).
    public var name: String?
    /// The runtime every call of this process and its descendants goes through; `nil` means the
    /// runtime that starts it. A gateway passes itself here.
    public var front: (any ProcessRuntime)?

    /// Creates a start request.
    public init(
        definition: String, host: String, args: [Value] = [], security: SecurityContext = .none,
        contextValues: [String: Value]? = nil, name: String? = nil, front: (any ProcessRuntime)? = nil
    ) {
        self.definition = definition
        self.host = host
        self.args = args
        self.security = security
        self.contextValues = contextValues
        self.name = name
        self.front = front
    }
}
