import WardenAudit

/// The settings `warden run` passes to the application it builds.
struct RunOptions: Sendable {
    /// The audit log file.
    var audit: String
    /// The audit delivery mode.
    var mode: DeliveryMode
    /// Strict mode of the gateway.
    var strict: Bool
}
