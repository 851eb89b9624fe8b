import Hummingbird
import Logging
import ServiceLifecycle

/// Runs `warden serve`: the HTTP application in a service group that stops on SIGINT or SIGTERM,
/// finishing the requests in flight before it returns.
public enum ServiceRunner {
    /// Serves `service` on `address` until SIGINT or SIGTERM.
    /// - Parameter onRunning: called with the bound port once the server accepts connections.
    public static func run(
        _ service: DecisionService, address: ServiceListenAddress, maxBody: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let application = Application(
            router: ServiceRoutes.router(service, maxBody: maxBody),
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
