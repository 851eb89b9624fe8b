/// The result of one condition for one request.
public enum ConditionOutcome: Sendable, Hashable, CustomStringConvertible {
    /// The condition holds.
    case holds
    /// The condition does not hold.
    case fails
    /// The condition cannot be evaluated; the error is reported, an allow policy does not apply
    /// and a deny policy denies.
    case error(String)

    /// `holds`, `fails` or `error: message`.
    public var description: String {
        switch self {
        case .holds: "holds"
        case .fails: "fails"
        case .error(let message): "error: \(message)"
        }
    }
}
