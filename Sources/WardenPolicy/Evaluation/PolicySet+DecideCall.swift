import WardenValue

extension PolicySet {
    /// Decides every check of one call by the fail-closed rule of ``decide(_:scope:strict:)``:
    /// the one entry point of the gateway, `warden check`, `POST /v1/check` and
    /// `POST /v1/authorize`. No check is skipped, so records and dry-runs show each one; the call
    /// is allowed only when every check is.
    ///
    /// - Parameters:
    ///   - checks: the permissions the call needs, in the order they are reported.
    ///   - actor: the caller's actor; `nil` when it has none (strict mode decides).
    ///   - scope: the caller's resolved scope; `.failure` when it names a policy or group that
    ///     does not exist (every check is denied with that error); `nil` when the caller has no
    ///     scope (strict mode decides).
    ///   - strict: strict mode: deny (`true`) or allow (`false`) an incomplete context.
    @inlinable
    public func decide<Check: AuthorizationCheck>(
        _ checks: [Check], actor: Actor?, scope: Result<ResolvedScope, ScopeError>?, strict: Bool = true
    ) -> CallDecision<Check> {
        var outcomes: [CheckDecision<Check>] = []
        outcomes.reserveCapacity(checks.count)
        var complete = actor != nil && scope != nil
        for check in checks {
            let decision = decide(check.request(actor: actor), scope: scope, strict: strict)
            complete = complete && decision.contextComplete
            outcomes.append(CheckDecision(check: check, decision: decision))
        }
        return CallDecision(outcomes: outcomes, revision: revision, contextComplete: complete)
    }
}
