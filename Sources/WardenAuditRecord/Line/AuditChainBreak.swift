/// The first place where a log fails verification, with what is wrong there.
public struct AuditChainBreak: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of ways a log can fail verification.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A record's `seq` skips ahead: records were removed.
        case sequenceGap = "audit-sequence-gap"
        /// A record's `seq` repeats or goes back: records were reordered or duplicated.
        case outOfOrder = "audit-out-of-order"
        /// A record's `prev` is not the previous record's hash: a record before it was replaced.
        case chainBroken = "audit-chain-broken"
        /// A record's `hash` does not match its content: the record was altered.
        case alteredRecord = "audit-altered-record"
        /// A record is valid JSON but not the canonical form the writer produces: it was altered.
        case nonCanonical = "audit-non-canonical-record"
        /// Two records stand in each other's place.
        case swappedRecords = "audit-swapped-records"
        /// A record's `id` is not greater than the previous record's: it was duplicated or moved.
        case idOutOfOrder = "audit-id-out-of-order"
        /// A record's `time` is earlier than the previous record's by more than the tolerance.
        case timeOutOfOrder = "audit-time-out-of-order"
        /// A checkpoint does not seal the record before it: the history it signed was rewritten.
        case checkpointMismatch = "audit-checkpoint-mismatch"
        /// A checkpoint's signature does not verify with its key.
        case badSignature = "audit-bad-signature"
        /// A checkpoint is signed by a key not given to verify.
        case unknownKey = "audit-unknown-key"
        /// Records follow a final checkpoint without a signed reopening.
        case appendedAfterClose = "audit-appended-after-close"
        /// A log checked with a key holds no checkpoint at all.
        case unsignedLog = "audit-unsigned-log"
        /// A pinned head hash is not in the log.
        case expectedHeadMissing = "audit-expected-head-missing"
        /// The last line ends without a newline: a write was cut short.
        case truncatedRecord = "audit-truncated-record"
        /// A line is not JSON.
        case invalidJSON = "audit-invalid-json"
        /// A record has a `v` newer than this reader.
        case futureVersion = "audit-future-version"
        /// A record misses a field or has one of the wrong type.
        case invalidRecord = "audit-invalid-record"
        /// A file (or database) does not hold an audit log.
        case notAnAuditLog = "audit-not-a-log"
        /// Files were given out of chain order.
        case filesOutOfOrder = "audit-files-out-of-order"
        /// Records are missing between two files (a file is missing).
        case missingFile = "audit-missing-file"
        /// The log does not start at seq 1 with the genesis `prev`: its beginning was removed.
        case missingStart = "audit-missing-start"
        /// A database row's indexed columns disagree with its stored record line.
        case indexMismatch = "audit-index-mismatch"
        /// A file or database could not be read.
        case unreadable = "audit-unreadable"
    }

    /// What is wrong.
    public var kind: Kind
    /// Where.
    public var location: AuditLocation
    /// The record's `seq`, when it is known.
    public var seq: Int?
    /// A lowercase message with a hint.
    public var message: String

    /// Creates a break.
    public init(_ kind: Kind, at location: AuditLocation, seq: Int? = nil, _ message: String) {
        self.kind = kind
        self.location = location
        self.seq = seq
        self.message = message
    }

    /// The stable kebab-case code.
    public var code: String { kind.rawValue }

    /// `file:line seq N: message`.
    public var description: String {
        if let seq { return "\(location) seq \(seq): \(message)" }
        return "\(location): \(message)"
    }
}
