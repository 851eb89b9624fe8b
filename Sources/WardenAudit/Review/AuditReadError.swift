/// Why records could not be read for review.
public struct AuditReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of reasons.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A file or database could not be opened or read.
        case unreadable = "audit-unreadable"
        /// A line is not a valid record.
        case invalidRecord = "audit-invalid-record"
        /// The database is not an audit database.
        case notAuditDatabase = "audit-not-a-database"
    }

    /// The reason.
    public var kind: Kind
    /// Where, when known.
    public var location: AuditLocation?
    /// A lowercase message with a hint.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, at location: AuditLocation?, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// The stable kebab-case code.
    public var code: String { kind.rawValue }

    /// `location: message`.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
