/// The result of a check, or of one policy for a check.
public enum Outcome: String, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Access is granted.
    case allow
    /// Access is refused by a policy (or by strict mode).
    case deny
    /// No policy applies: an implicit deny.
    case undefined

    /// Whether access is granted: only `allow` grants.
    @inlinable
    public var isAllowed: Bool { self == .allow }

    /// `allow`, `deny` or `undefined`.
    public var description: String { rawValue }
}
