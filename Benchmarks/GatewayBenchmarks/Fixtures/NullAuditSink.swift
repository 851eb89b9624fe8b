import WardenAuditLog
import WardenAuditRecord

/// An ``AuditSink`` that discards every record, so a benchmark measures what the gateway does
/// before storage: authorization, entry building, encoding and sealing.
struct NullAuditSink: AuditSink {
    var chainHead: AuditChainHead { .genesis }
    func write(_ batch: [SealedRecord]) throws(AuditError) {}
    func sync() throws(AuditError) {}
    func close() throws(AuditError) {}
}
