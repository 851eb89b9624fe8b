import WardenPolicy

/// Resolves the scope `eval` evaluates in: the given ids and groups, or every loaded policy.
public enum ScopeResolution {
    /// `spec` resolved against `set`, or every policy of the set when `spec` is `nil`.
    public static func resolve(_ spec: ScopeSpec?, in set: PolicySet) -> Result<ResolvedScope, ScopeError> {
        guard let spec else { return .success(set.allPolicies) }
        return set.resolve(spec)
    }
}
