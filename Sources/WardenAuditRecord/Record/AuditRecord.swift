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
    /// The signed seal of a checkpoint record; `nil` for a call record.
    ///
    /// A checkpoint record describes no call: its call fields are empty (`op` and
    /// `policy_revision` empty, no actor, no checks, decision `deny`, so that code which forgets
    /// to skip it never counts an allow) and are not written in its line.
    public var checkpoint: AuditCheckpoint?

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
        self.checkpoint = nil
    }

    /// Creates a checkpoint record.
    public init(
        checkpoint: AuditCheckpoint, id: String, seq: Int, time: AuditTime, node: String, prev: String, hash: String
    ) {
        self.init(entry: Self.checkpointEntry(time: time), id: id, seq: seq, node: node, prev: prev, hash: hash)
        self.checkpoint = checkpoint
    }

    /// Whether this is a checkpoint record rather than the record of a call.
    public var isCheckpoint: Bool { checkpoint != nil }

    /// The empty call fields of a checkpoint record.
    static func checkpointEntry(time: AuditTime) -> AuditEntry {
        AuditEntry(
            time: time, op: "", caller: AuditCaller(pid: nil, actor: nil, context: .incomplete), target: [:],
            checks: [],
            decision: .deny, policyRevision: "", durationNanoseconds: 0)
    }

    /// The call-describing part of the record, as the gateway produced it.
    public var entry: AuditEntry {
        AuditEntry(
            time: time, op: op, caller: caller, target: target, checks: checks, decision: decision,
            error: error, policyRevision: policyRevision, durationNanoseconds: durationNanoseconds)
    }
}
