/// The policies and groups a process is evaluated against.
public struct SecurityScope: Sendable, Hashable, Codable {
    /// Policy ids, in declaration order, without duplicates.
    public var policies: [String]
    /// Policy group ids, in declaration order, without duplicates.
    public var groups: [String]

    /// Creates a scope; duplicates are dropped, first occurrence wins.
    public init(policies: [String] = [], groups: [String] = []) {
        self.policies = SecurityScope.unique(policies)
        self.groups = SecurityScope.unique(groups)
    }

    /// This scope with `other`'s policies and groups appended (duplicates dropped).
    public func adding(_ other: SecurityScope) -> SecurityScope {
        SecurityScope(policies: policies + other.policies, groups: groups + other.groups)
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }
}
