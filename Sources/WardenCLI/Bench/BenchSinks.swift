import Synchronization
import WardenAuditLog
import WardenAuditRecord

/// An audit sink that drops every record after the log sealed it.
struct DiscardingSink: AuditSink {
    var chainHead: AuditChainHead { .genesis }
    func write(_ batch: [SealedRecord]) throws(AuditError) {}
    func sync() throws(AuditError) {}
    func close() throws(AuditError) {}
}

/// Counts the records written through another sink, so a bench run can report them.
final class CountingSink: AuditSink {
    private let base: any AuditSink
    private let written = Atomic<Int>(0)

    init(_ base: any AuditSink) { self.base = base }

    /// Records written so far.
    var count: Int { written.load(ordering: .relaxed) }

    var chainHead: AuditChainHead { base.chainHead }
    var lastRecordID: String? { base.lastRecordID }

    func write(_ batch: [SealedRecord]) throws(AuditError) {
        try base.write(batch)
        written.add(batch.count, ordering: .relaxed)
    }

    func sync() throws(AuditError) { try base.sync() }
    func close() throws(AuditError) { try base.close() }
}
