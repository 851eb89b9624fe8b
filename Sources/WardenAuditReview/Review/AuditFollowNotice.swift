/// Something a follower noticed about the file it follows, worth telling the user (`tail -f`
/// prints it on standard error).
public struct AuditFollowNotice: Sendable, Hashable, CustomStringConvertible {
    /// The closed set of notices.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file was cut in place (logrotate's `copytruncate`); following starts over at its
        /// beginning.
        case truncated = "audit-file-truncated"
    }

    /// What happened.
    public var kind: Kind
    /// The file it happened to.
    public var path: String

    /// Creates a notice.
    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// `` `audit.jsonl` was truncated; following from its start ``.
    public var description: String {
        switch kind {
        case .truncated: "`\(path)` was truncated; following from its start"
        }
    }
}
