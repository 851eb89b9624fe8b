import WardenValue

/// A definition's `security:` block: the actor it runs as and the policies/groups it adds.
public struct DefinitionSecurity: Sendable, Hashable {
    /// Replaces the spawner's actor when set.
    public var actor: Actor?
    /// Policy ids added to the inherited scope.
    public var policies: [String]
    /// Policy group ids added to the inherited scope.
    public var groups: [String]

    /// Creates a security block.
    public init(actor: Actor? = nil, policies: [String] = [], groups: [String] = []) {
        self.actor = actor
        self.policies = policies
        self.groups = groups
    }

    /// The child's security context when spawned with `inherited`: the actor is replaced (when
    /// the block has one) and the block's policies and groups are added to the scope.
    public func applied(to inherited: SecurityContext) -> SecurityContext {
        let added = SecurityScope(policies: policies, groups: groups)
        let hasScope = !policies.isEmpty || !groups.isEmpty
        return SecurityContext(
            actor: actor ?? inherited.actor,
            scope: hasScope ? (inherited.scope ?? SecurityScope()).adding(added) : inherited.scope)
    }
}
