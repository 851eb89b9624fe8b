/// What one request may cost the service: how large its body may be and how long the client may
/// take to send it.
public struct RequestLimits: Sendable {
    /// The default largest body: 1 MiB.
    public static let defaultMaxBody = 1 << 20
    /// The default time a client has to send a whole body: 10 seconds.
    public static let defaultBodyTimeout: Duration = .seconds(10)

    /// The largest body accepted, in bytes; a larger one is answered 413 `body-too-large`.
    public var maxBody: Int
    /// The time from the first handler call to the last byte of the body; a body still arriving
    /// after it is answered 408 `body-timeout` and its connection closed.
    public var bodyTimeout: Duration

    /// Limits of `maxBody` bytes sent within `bodyTimeout`.
    public init(maxBody: Int = defaultMaxBody, bodyTimeout: Duration = defaultBodyTimeout) {
        self.maxBody = maxBody
        self.bodyTimeout = bodyTimeout
    }
}
