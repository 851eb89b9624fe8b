import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `warden serve`: the HTTP application in a service group that stops on SIGINT or SIGTERM,
/// finishing the requests in flight before it returns.
public enum ServiceRunner {
    /// Serves `service` on `address` until SIGINT or SIGTERM.
    /// - Parameters:
    ///   - audit: the audit log the review routes and the page read, when one is configured.
    ///   - onRunning: called with the bound port once the server accepts connections.
    public static func run(
        _ service: DecisionService, address: ServiceListenAddress, maxBody: Int, audit: AuditReview? = nil, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let application = Application(
            router: ServiceRoutes.router(service, maxBody: maxBody, audit: audit),
            configuration: ApplicationConfiguration(
                address: .hostname(address.host, port: address.port), serverName: "warden"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? address.port) },
            logger: logger)
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
