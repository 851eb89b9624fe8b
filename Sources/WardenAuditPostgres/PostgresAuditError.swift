/// Why the PostgreSQL store could not be opened or used; converted to the module's
/// ``AuditError``, ``AuditReadError`` or chain breaks at the API's edges.
public struct PostgresAuditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of reasons.
    public enum Kind: String, Sendable, Hashable {
        /// The URL does not parse.
        case invalidURL = "postgres-invalid-url"
        /// The server could not be reached or refused the login.
        case connectFailed = "postgres-connect-failed"
        /// A statement failed (permission, constraint, lost connection).
        case queryFailed = "postgres-query-failed"
        /// The server did not answer in time; the connection was closed.
        case timedOut = "postgres-timed-out"
        /// The database's schema is newer than this version understands, or cannot be created.
        case schema = "postgres-schema"
    }

    /// The reason.
    public var kind: Kind
    /// A lowercase message with the URL (without password), the cause and a hint.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
