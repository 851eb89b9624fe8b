import Synchronization
import WardenAuditLog
import WardenAuditRecord
import WardenSync
import WardenValue

/// An audit sink that keeps the records of this run in memory, beside the file sink, so the demo
/// can print what the log holds.
final class RecordCollector: AuditSink {
    private let records = Locked<[AuditRecord]>([])
    let chainHead: AuditChainHead

    init(head: AuditChainHead) {
        chainHead = head
    }

    var collected: [AuditRecord] { records.withLock { $0 } }

    func write(_ batch: [SealedRecord]) throws(AuditError) {
        records.withLock { $0.append(contentsOf: batch.map(\.record)) }
    }

    func sync() throws(AuditError) {}

    func close() throws(AuditError) {}
}
