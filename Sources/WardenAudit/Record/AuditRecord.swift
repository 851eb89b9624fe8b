import WardenValue

/// One sealed audit record (version 1): an ``AuditEntry`` with its place in the hash chain.
public struct AuditRecord: Sendable, Hashable {
    /// The record format version this module writes and reads.
    public static let version = 1
    /// The `prev` of the first record of a log: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Unique, time-ordered id (UUIDv7, lowercase).
    public var id: String
    /// Position in the log: 1, 2, 3 ... without gaps.
    public var seq: Int
    /// When the call was made.
    public var time: AuditTime
    /// The writing instance's name.
    public var node: String
    /// The call, e.g. `process.spawn_linked`.
    public var op: String
    /// Who made the call.
    public var caller: AuditCaller
    /// What the call named.
    public var target: [String: Value]
    /// Every permission evaluated.
    public var checks: [AuditCheck]
    /// The decision for the whole call.
    public var decision: AuditDecision
    /// Why the call failed, when it did.
    public var error: AuditCallError?
    /// The digest of the policy set that decided.
    public var policyRevision: String
    /// Time spent authorizing, in nanoseconds.
    public var durationNanoseconds: Int
    /// The previous record's hash (64 zeros for the first record).
    public var prev: String
    /// `SHA-256(prev + canonical JSON of this record without hash)`, lowercase hex.
    public var hash: String

    /// Creates a record from an entry and its chain fields.
    public init(entry: AuditEntry, id: String, seq: Int, node: String, prev: String, hash: String) {
        self.id = id
        self.seq = seq
        self.time = entry.time
        self.node = node
        self.op = entry.op
        self.caller = entry.caller
        self.target = entry.target
        self.checks = entry.checks
        self.decision = entry.decision
        self.error = entry.error
        self.policyRevision = entry.policyRevision
        self.durationNanoseconds = entry.durationNanoseconds
        self.prev = prev
        self.hash = hash
    }

    /// The call-describing part of the record, as the gateway produced it.
    public var entry: AuditEntry {
        AuditEntry(
            time: time, op: op, caller: caller, target: target, checks: checks, decision: decision,
            error: error, policyRevision: policyRevision, durationNanoseconds: durationNanoseconds)
    }
}
