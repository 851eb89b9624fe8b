/// What a `warden test` case expects: a decision outcome, or that loading fails.
public enum PolicyTestExpectation: Sendable, Hashable, CustomStringConvertible {
    /// The request is decided with this outcome.
    case outcome(Outcome)
    /// Loading the policies (or resolving the scope) fails with an error diagnostic.
    case loadError

    /// Parses `allow`, `deny`, `undefined` or `load_error`.
    public init?(text: String) {
        if text == "load_error" {
            self = .loadError
        } else if let outcome = Outcome(rawValue: text) {
            self = .outcome(outcome)
        } else {
            return nil
        }
    }

    /// The spellings a test file may use.
    public static let spellings = ["allow", "deny", "undefined", "load_error"]

    /// `allow`, `deny`, `undefined` or `load_error`.
    public var description: String {
        switch self {
        case .outcome(let outcome): outcome.rawValue
        case .loadError: "load_error"
        }
    }
}
