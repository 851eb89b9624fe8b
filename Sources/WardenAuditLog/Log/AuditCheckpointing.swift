import WardenAuditRecord

/// How a writer seals signed checkpoints into its log: every ``everyRecords`` records, every
/// ``interval`` while records arrive, when it opens the log and (final) when it closes it.
public struct AuditCheckpointing: Sendable {
    /// The key checkpoints are signed with.
    public var key: AuditSigningKey
    /// Records between two checkpoints at most (default 1,000).
    public var everyRecords: Int
    /// Longest time a record stays unsealed while the writer runs (default 10 s).
    public var interval: Duration

    /// Checkpoints signed with `key`.
    public init(key: AuditSigningKey, everyRecords: Int = 1000, interval: Duration = .seconds(10)) {
        self.key = key
        self.everyRecords = max(1, everyRecords)
        self.interval = max(.milliseconds(1), interval)
    }
}

/// The writer thread's checkpoint bookkeeping: records sealed since the last checkpoint and when
/// it was sealed.
struct CheckpointSchedule {
    let configuration: AuditCheckpointing
    /// Call records sealed after the last checkpoint.
    var recordsSince = 0
    /// When the last checkpoint was sealed.
    var lastSealed = ContinuousClock.now

    /// Whether enough records were sealed for the next checkpoint.
    var dueByCount: Bool { recordsSince >= configuration.everyRecords }

    /// Whether unsealed records waited the interval out.
    var dueByTime: Bool { recordsSince > 0 && ContinuousClock.now - lastSealed >= configuration.interval }

    /// When the unsealed records will have waited the interval, `nil` when there are none.
    var deadline: ContinuousClock.Instant? { recordsSince > 0 ? lastSealed + configuration.interval : nil }

    /// Seals a checkpoint after the sealer's head.
    mutating func seal(_ sealer: inout ChainSealer, isFinal: Bool, opening: Bool = false) -> SealedRecord {
        let time = opening ? AuditTime.now() : (sealer.lastRecordTime ?? AuditTime.now())
        recordsSince = 0
        lastSealed = ContinuousClock.now
        return sealer.sealCheckpoint(signedWith: configuration.key, at: time, isFinal: isFinal)
    }
}
