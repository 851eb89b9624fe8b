/// How a ``Gateway`` decides.
public struct GatewayConfiguration: Sendable, Hashable {
    /// Strict mode (default on): a caller without an actor or a scope is denied every check.
    /// Off: such incomplete contexts are allowed. Either way the record says `incomplete`.
    public var strict: Bool

    /// Creates a configuration.
    public init(strict: Bool = true) {
        self.strict = strict
    }

    /// Strict mode on.
    public static let `default` = GatewayConfiguration()
}
