import WardenAuditRecord

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
        /// The log does not verify where it was read (the review commands verify as they read).
        case chainBreak = "audit-chain-break"
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

    /// A chain break found while reading: its place and what is wrong, with the break's own code.
    public init(_ chainBreak: AuditChainBreak) {
        let seq = chainBreak.seq.map { "seq \($0): " } ?? ""
        self.init(
            .chainBreak, at: chainBreak.location,
            "\(seq)\(chainBreak.message) [\(chainBreak.code)]; the records before it verify and nothing after it was read "
                + "(run `warden audit verify` on the log, or give --no-verify to read it anyway)")
    }

    /// The stable kebab-case code.
    public var code: String { kind.rawValue }

    /// `location: message`.
    public var description: String { location.map { "\($0): \(message)" } ?? message }
}
