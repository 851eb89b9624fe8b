import ServiceLifecycle
import WardenAuditLog

/// The audit log as a service of the group: it runs until graceful shutdown, then flushes and
/// closes the log. Listed before the HTTP server, it is shut down after it, so every record of a
/// request in flight is written first.
struct AuditLogService: Service {
    let log: AuditLog

    func run() async throws {
        try? await gracefulShutdown()
        await log.shutdown()
    }
}
