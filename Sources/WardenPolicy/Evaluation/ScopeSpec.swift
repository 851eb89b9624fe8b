/// A scope as a process carries it: policy ids and group ids, resolved against a policy set.
public struct ScopeSpec: Sendable, Hashable, Codable {
    /// Policy ids, `namespace:name`.
    public var policies: [String]
    /// Group ids, `namespace:group`; every policy in one of them is in the scope.
    public var groups: [String]

    /// Creates a scope.
    public init(policies: [String] = [], groups: [String] = []) {
        self.policies = policies
        self.groups = groups
    }

    private enum CodingKeys: String, CodingKey { case policies, groups }

    /// Decodes `{"policies": [...], "groups": [...]}`; either key may be missing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        policies = try container.decodeIfPresent([String].self, forKey: .policies) ?? []
        groups = try container.decodeIfPresent([String].self, forKey: .groups) ?? []
    }

    /// Whether the scope names nothing.
    public var isEmpty: Bool { policies.isEmpty && groups.isEmpty }

    /// The same scope with ids sorted and repeats removed, so equal scopes compare equal.
    /// A scope already in that form (the usual case) is returned as is, without allocating.
    public var normalized: ScopeSpec {
        if Self.isStrictlyAscending(policies), Self.isStrictlyAscending(groups) { return self }
        return ScopeSpec(
            policies: Array(Set(policies)).sorted(by: Self.byteOrder),
            groups: Array(Set(groups)).sorted(by: Self.byteOrder))
    }

    private static func isStrictlyAscending(_ ids: [String]) -> Bool {
        guard ids.count > 1 else { return true }
        for i in 1..<ids.count where !byteOrder(ids[i - 1], ids[i]) { return false }
        return true
    }

    private static func byteOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
