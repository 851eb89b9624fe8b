/// The decision for one check of a call.
public struct CheckDecision<Check: AuthorizationCheck>: Sendable {
    /// The check.
    public var check: Check
    /// Its decision.
    public var decision: Decision

    /// Pairs a check with its decision.
    @inlinable
    public init(check: Check, decision: Decision) {
        self.check = check
        self.decision = decision
    }
}

/// The decisions of every check a call needs, and the call's verdict: allowed only when it has
/// checks and every one is allowed.
public struct CallDecision<Check: AuthorizationCheck>: Sendable {
    /// Every check with its decision, in the order given.
    public var outcomes: [CheckDecision<Check>]
    /// The revision of the policy set that decided.
    public var revision: String
    /// Whether the caller had both an actor and a scope.
    public var contextComplete: Bool

    /// Creates a call decision.
    @inlinable
    public init(outcomes: [CheckDecision<Check>], revision: String, contextComplete: Bool) {
        self.outcomes = outcomes
        self.revision = revision
        self.contextComplete = contextComplete
    }

    /// The call is allowed only when it has checks and every check is allowed.
    ///
    /// (Inlinable, as are the initializers: callers in other modules get a version specialized
    /// for their check type instead of the generic one, which looks up type metadata and copies
    /// each check through value witnesses.)
    @inlinable
    public var isAllowed: Bool { !outcomes.isEmpty && outcomes.allSatisfy { $0.decision.isAllowed } }

    /// The first check that was not allowed, in the order given.
    @inlinable
    public var firstDenied: CheckDecision<Check>? { outcomes.first { !$0.decision.isAllowed } }
}
