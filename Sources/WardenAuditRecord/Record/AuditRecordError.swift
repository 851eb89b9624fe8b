/// Why a JSON value is not a valid version-1 audit record.
public struct AuditRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of reasons.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The value is not an object with the fields of an audit record.
        case notARecord = "not-an-audit-record"
        /// The record's `v` is a later version than this reader knows.
        case futureVersion = "future-record-version"
        /// A field is missing, has the wrong type, or holds an invalid value.
        case invalidField = "invalid-record-field"
    }

    /// The reason.
    public var kind: Kind
    /// A lowercase message naming the field and what is wrong with it.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The stable kebab-case code of the reason.
    public var code: String { kind.rawValue }

    /// The message.
    public var description: String { message }
}
