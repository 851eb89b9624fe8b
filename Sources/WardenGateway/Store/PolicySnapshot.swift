import WardenPolicy
import WardenRuntime

/// What one guarded call decides with: the policy set in force when the call started and the
/// caller's scope resolved against it.
public struct PolicySnapshot: Sendable {
    /// The policy set every decision of the call is made with.
    public let policies: PolicySet
    /// The caller's scope resolved against ``policies``: `nil` when the caller has no scope,
    /// `.failure` when it names a policy or group the set does not have.
    public let scope: Result<ResolvedScope, ScopeError>?
}

extension PolicySet {
    /// Resolves a process's security scope against this set (`nil` for no scope).
    func resolve(_ scope: SecurityScope?) -> Result<ResolvedScope, ScopeError>? {
        scope.map { resolve(ScopeSpec(policies: $0.policies, groups: $0.groups)) }
    }
}
