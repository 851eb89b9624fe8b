/// How serious a diagnostic is: any error keeps a policy set from being used.
public enum DiagnosticSeverity: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The input is invalid; nothing loaded from it is used.
    case error
    /// The input loads, but probably does not mean what its author thinks.
    case warning

    /// `error` or `warning`.
    public var description: String { rawValue }
}
