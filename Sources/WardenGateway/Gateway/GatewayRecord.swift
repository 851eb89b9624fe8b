import WardenAuditRecord

/// One call's audit record as the gateway handed it to the audit log.
public struct GatewayRecord: Sendable {
    /// The record's content: the call, the caller, every check and the decision.
    public var entry: AuditEntry
    /// The record's `seq` and `hash`; `nil` in `async` delivery mode (sealed after the call) or
    /// when the record was not written.
    public var position: AuditChainHead?
    /// Whether the audit log accepted the record (a refused record fails the call, `INTERNAL`).
    public var written: Bool

    /// Creates a record report.
    public init(entry: AuditEntry, position: AuditChainHead?, written: Bool) {
        self.entry = entry
        self.position = position
        self.written = written
    }
}
