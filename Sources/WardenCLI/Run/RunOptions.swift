import WardenAuditLog

/// The settings `warden run` passes to the application it builds.
struct RunOptions: Sendable {
    /// The audit log: a JSON Lines file or a PostgreSQL URL.
    var audit: String
    /// The writing node's name.
    var node: String
    /// The audit delivery mode.
    var mode: DeliveryMode
    /// Strict mode of the gateway.
    var strict: Bool
}
