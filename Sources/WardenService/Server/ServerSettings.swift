/// How `warden serve` listens: the address, TLS, and the limits that keep clients from holding
/// the service (body size and time, idle connections, shutdown).
public struct ServerSettings: Sendable {
    /// The default time a connection may sit without a byte read or written: 60 seconds.
    public static let defaultIdleTimeout: Duration = .seconds(60)
    /// The default time the requests in flight get to finish on SIGINT or SIGTERM: 30 seconds.
    public static let defaultShutdownTimeout: Duration = .seconds(30)

    /// The address to listen on.
    public var address: ServiceListenAddress
    /// TLS, or `nil` for plain HTTP.
    public var tls: ServiceTLS?
    /// The limits of one request's body.
    public var limits: RequestLimits
    /// The time a connection may sit idle before it is closed.
    public var idleTimeout: Duration
    /// The time the requests in flight get on shutdown before the service stops anyway.
    public var shutdownTimeout: Duration

    /// Settings for `address`; every limit has a default.
    public init(
        address: ServiceListenAddress, tls: ServiceTLS? = nil, limits: RequestLimits = RequestLimits(),
        idleTimeout: Duration = defaultIdleTimeout,
        shutdownTimeout: Duration = defaultShutdownTimeout
    ) {
        self.address = address
        self.tls = tls
        self.limits = limits
        self.idleTimeout = idleTimeout
        self.shutdownTimeout = shutdownTimeout
    }

    /// The URL scheme clients use: `https` with TLS, `http` without.
    public var scheme: String { tls == nil ? "http" : "https" }
}
