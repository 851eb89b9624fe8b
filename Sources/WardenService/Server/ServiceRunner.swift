import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `warden serve`: the audit log and the HTTP application in a service group that stops on
/// SIGINT or SIGTERM, in reverse order: the server finishes the requests in flight, then the
/// audit log is flushed and closed.
public enum ServiceRunner {
    /// Serves `service` on `address` until SIGINT or SIGTERM, reloading the policies on SIGHUP
    /// and, when `watchedPaths` is given, when a file under them changes.
    /// - Parameters:
    ///   - audit: the audit log the review routes and the page read, when one is configured.
    ///   - onRunning: called with the bound port once the server accepts connections.
    public static func run(
        _ service: DecisionService, address: ServiceListenAddress, maxBody: Int, access: AccessControl = .open,
        audit: AuditReview? = nil, watching watchedPaths: [String]? = nil, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let application = Application(
            router: ServiceRoutes.router(service, maxBody: maxBody, access: access, audit: audit),
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port), serverName: "warden"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? address.port) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: (service.audit.map { [AuditLogService(log: $0)] } ?? [])
                    + [PolicyReloadService(service: service, watchedPaths: watchedPaths, logger: logger), application],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
