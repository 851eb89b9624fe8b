/// A policy that could not be evaluated for a request: an allow policy does not apply, a deny
/// policy denies (fail closed).
public struct PolicyEvaluationError: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The policy's id (empty when the problem is not one policy's, e.g. a stale scope).
    public var policy: String
    /// What went wrong, lowercase, user values in backticks.
    public var message: String

    /// Creates an error.
    public init(policy: String, message: String) {
        self.policy = policy
        self.message = message
    }

    /// `policy: message`.
    public var description: String { policy.isEmpty ? message : "\(policy): \(message)" }
}
