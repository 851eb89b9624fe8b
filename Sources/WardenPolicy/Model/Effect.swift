/// What a policy does when it applies.
public enum Effect: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Grants access (unless a deny also applies).
    case allow
    /// Refuses access; any applying deny wins.
    case deny

    /// `allow` or `deny`.
    public var description: String { rawValue }
}
