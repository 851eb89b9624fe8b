import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import ServiceLifecycle

/// Runs `warden serve`: the audit log and the HTTP application in a service group that stops on
/// SIGINT or SIGTERM, in reverse order: the server finishes the requests in flight (within the
/// shutdown timeout), then the audit log is flushed and closed.
public enum ServiceRunner {
    /// Serves `service` as `settings` say until SIGINT or SIGTERM, reloading the policies on
    /// SIGHUP and, when `watchedPaths` is given, when a file under them changes.
    /// - Parameters:
    ///   - audit: the audit log the review routes and the page read, when one is configured.
    ///   - onRunning: called with the bound port once the server accepts connections.
    /// - Throws: when the address cannot be bound or TLS cannot be set up.
    public static func run(
        _ service: DecisionService, settings: ServerSettings, access: AccessControl = .open,
        audit: AuditReview? = nil, watching watchedPaths: [String]? = nil, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let http1 = HTTPServerBuilder.http1(
            configuration: HTTP1Channel.Configuration(idleTimeout: .nanoseconds(settings.idleTimeout.nanoseconds)))
        let application = Application(
            router: ServiceRoutes.router(service, limits: settings.limits, access: access, audit: audit),
            server: try settings.tls.map { try .tls(http1, tlsConfiguration: $0.configuration) } ?? http1,
            configuration: ApplicationConfiguration(
                address: .hostname(settings.address.host, port: settings.address.port), serverName: "warden"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.address.port) },
            logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: (service.audit.map { [AuditLogService(log: $0)] } ?? [])
                + [PolicyReloadService(service: service, watchedPaths: watchedPaths, logger: logger), application],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = settings.shutdownTimeout
        let group = ServiceGroup(configuration: configuration)
        try await group.run()
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating), for NIO's `TimeAmount`.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : scaled &+ attoseconds / 1_000_000_000
    }
}
