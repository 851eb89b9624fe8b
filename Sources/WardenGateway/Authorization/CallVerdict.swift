import WardenValue
import WardenPolicy

/// The decision for one planned check.
public struct CheckOutcome: Sendable {
    /// The check.
    public var check: PlannedCheck
    /// Its decision.
    public var decision: Decision
}

/// The authorization of a whole call: every check's decision and the overall verdict.
public struct CallVerdict: Sendable {
    /// Every check, in table order.
    public var outcomes: [CheckOutcome]
    /// The revision of the policy set that decided.
    public var revision: String
    /// Whether the caller had both an actor and a scope.
    public var contextComplete: Bool

    /// The call is allowed only when every check is allowed.
    public var isAllowed: Bool { !outcomes.isEmpty && outcomes.allSatisfy { $0.decision.isAllowed } }

    /// The first check that was not allowed, in table order.
    public var firstDenied: CheckOutcome? { outcomes.first { !$0.decision.isAllowed } }
}

/// Evaluates planned checks against one policy set snapshot.
public enum Authorizer {
    /// Evaluates every check (none is skipped, so records and dry-runs show each one).
    ///
    /// - Parameters:
    ///   - scope: the caller's resolved scope; `.failure` when it names a policy or group that
    ///     does not exist (every check is denied with that error, fail closed); `nil` when the
    ///     caller has no scope (strict mode decides).
    public static func authorize(
        _ checks: [PlannedCheck], actor: Actor?, scope: Result<ResolvedScope, ScopeError>?,
        in policies: PolicySet, strict: Bool
    ) -> CallVerdict {
        var outcomes: [CheckOutcome] = []
        outcomes.reserveCapacity(checks.count)
        var complete = actor != nil && scope != nil
        for check in checks {
            let decision = policies.decide(check.request(actor: actor), scope: scope, strict: strict)
            complete = complete && decision.contextComplete
            outcomes.append(CheckOutcome(check: check, decision: decision))
        }
        return CallVerdict(outcomes: outcomes, revision: policies.revision, contextComplete: complete)
    }
}
