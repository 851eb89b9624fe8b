import WardenValue

/// What the gateway knows about one guarded call; ``AuditLog`` seals it into a chained record
/// by adding `v`, `id`, `seq`, `node`, `prev` and `hash`.
///
/// Payloads and spawn arguments never belong in ``target``: put only their count and byte size
/// there, under `payload_count` and `payload_bytes`.
public struct AuditEntry: Sendable, Hashable {
    /// When the call was made.
    public var time: AuditTime
    /// The call, e.g. `process.spawn_linked`, or `authorize` for the evaluator service.
    public var op: String
    /// Who made the call.
    public var caller: AuditCaller
    /// What the call named, e.g. `{id, host}`, `{dest, pid, name, topic}`, `{name, owner}`.
    public var target: [String: Value]
    /// Every permission evaluated for the call, in evaluation order.
    public var checks: [AuditCheck]
    /// The decision for the whole call.
    public var decision: AuditDecision
    /// Why the call failed, when it did.
    public var error: AuditCallError?
    /// The digest of the policy set that decided.
    public var policyRevision: String
    /// Time spent authorizing, in nanoseconds.
    public var durationNanoseconds: Int

    /// Creates an entry; `time` defaults to now.
    public init(
        time: AuditTime = .now(),
        op: String,
        caller: AuditCaller,
        target: [String: Value] = [:],
        checks: [AuditCheck],
        decision: AuditDecision,
        error: AuditCallError? = nil,
        policyRevision: String,
        durationNanoseconds: Int
    ) {
        self.time = time
        self.op = op
        self.caller = caller
        self.target = target
        self.checks = checks
        self.decision = decision
        self.error = error
        self.policyRevision = policyRevision
        self.durationNanoseconds = durationNanoseconds
    }
}
