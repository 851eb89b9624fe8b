/// The answer to a check, as a value: never thrown.
public struct Decision: Sendable, Equatable, Codable {
    /// `allow`, `deny` or `undefined` (an implicit deny).
    public var outcome: Outcome
    /// The determining policy ids, sorted: the denying ones for `deny`, the allowing ones for
    /// `allow`, none for `undefined` or a strict-mode deny.
    public var policies: [String]
    /// Policies that failed to evaluate, sorted by id. An allow policy among them did not apply;
    /// a deny policy among them denied (fail closed) and is also one of ``policies``.
    public var errors: [PolicyEvaluationError]
    /// `false` when the caller had no actor or no scope.
    public var contextComplete: Bool

    /// Creates a decision.
    public init(
        outcome: Outcome, policies: [String] = [], errors: [PolicyEvaluationError] = [],
        contextComplete: Bool = true
    ) {
        self.outcome = outcome
        self.policies = policies
        self.errors = errors
        self.contextComplete = contextComplete
    }

    /// Whether access is granted.
    @inlinable
    public var isAllowed: Bool { outcome.isAllowed }
}
