import WardenValue

/// One sealed audit record (version 1): an ``AuditEntry`` with its place in the hash chain.
public struct AuditRecord: Sendable, Hashable {
    /// The record format version this module writes and reads.
    public static let version = 1
    /// The `prev` of the first record of a log: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// What the record says about the call, as the gateway described it; the fields below from
    /// `time` to `durationNanoseconds` read and write it.
    public var entry: AuditEntry
    /// Unique, time-ordered id (UUIDv7, lowercase).
    public var id: String
    /// Position in the log: 1, 2, 3 ... without gaps.
    public var seq: Int
    /// The writing instance's name.
    public var node: String
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
        self.entry = entry
        self.id = id
        self.seq = seq
        self.node = node
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

    // The entry's fields, read and written through the record.

    /// When the call was made.
    @inlinable public var time: AuditTime {
        get { entry.time }
        set { entry.time = newValue }
    }

    /// The call, e.g. `process.spawn_linked`.
    @inlinable public var op: String {
        get { entry.op }
        set { entry.op = newValue }
    }

    /// Who made the call.
    @inlinable public var caller: AuditCaller {
        get { entry.caller }
        set { entry.caller = newValue }
    }

    /// What the call named.
    @inlinable public var target: [String: Value] {
        get { entry.target }
        set { entry.target = newValue }
    }

    /// Every permission evaluated.
    @inlinable public var checks: [AuditCheck] {
        get { entry.checks }
        set { entry.checks = newValue }
    }

    /// The decision for the whole call.
    @inlinable public var decision: AuditDecision {
        get { entry.decision }
        set { entry.decision = newValue }
    }

    /// Why the call failed, when it did.
    @inlinable public var error: AuditCallError? {
        get { entry.error }
        set { entry.error = newValue }
    }

    /// The digest of the policy set that decided.
    @inlinable public var policyRevision: String {
        get { entry.policyRevision }
        set { entry.policyRevision = newValue }
    }

    /// Time spent authorizing, in nanoseconds.
    @inlinable public var durationNanoseconds: Int {
        get { entry.durationNanoseconds }
        set { entry.durationNanoseconds = newValue }
    }
}
