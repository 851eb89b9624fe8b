import Synchronization
import WardenAuditRecord
import WardenSync
import WardenValue

/// Writes every batch to several sinks (for example a JSON Lines file and a SQLite database),
/// which must hold the same chain.
///
/// When a sink fails after others took the batch, the sinks no longer agree and cannot be made
/// to again, so the multiplexer refuses every later write (`.sinkBroken`): fail closed.
public final class MultiplexAuditSink: AuditSink {
    /// The sinks, written in this order.
    public let sinks: [any AuditSink]
    /// The common head of all sinks.
    public let chainHead: AuditChainHead
    /// The greatest last record id any sink knows.
    public let lastRecordID: String?
    private let broken = Locked<AuditError?>(nil)

    /// Combines sinks that end at the same record.
    /// - Throws: `.chainMismatch` when the sinks' heads differ (import the missing records first).
    public init(_ sinks: [any AuditSink]) throws(AuditError) {
        guard let first = sinks.first else {
            throw AuditError(.openFailed, "a multiplexing audit sink needs at least one sink")
        }
        for (index, sink) in sinks.enumerated() where sink.chainHead != first.chainHead {
            throw AuditError(
                .chainMismatch,
                "audit sinks disagree on where the chain ends: sink 1 ends at \(first.chainHead), sink \(index + 1) at "
                    + "\(sink.chainHead); bring them level (e.g. `warden audit import`) before writing to both")
        }
        self.sinks = sinks
        self.chainHead = first.chainHead
        // Ids are lowercase hex UUIDs of one length: text order is numeric order.
        self.lastRecordID = sinks.compactMap(\.lastRecordID).max()
    }

    /// Writes the batch to every sink in order.
    public func write(_ batch: [SealedRecord]) throws(AuditError) {
        if let failure = broken.withLock({ $0 }) { throw failure }
        for (index, sink) in sinks.enumerated() {
            do throws(AuditError) {
                try sink.write(batch)
            } catch {
                if index > 0 {
                    let failure = AuditError(
                        .sinkBroken,
                        "audit sink \(index + 1) failed after sink 1 took the records (\(error.message)); the sinks no longer "
                            + "agree, so writes are refused until the log is reopened")
                    broken.withLock { $0 = failure }
                    throw failure
                }
                throw error
            }
        }
    }

    /// Syncs every sink; throws the first failure after trying all.
    public func sync() throws(AuditError) {
        try forEachSink { sink throws(AuditError) in try sink.sync() }
    }

    /// Closes every sink; throws the first failure after trying all.
    public func close() throws(AuditError) {
        try forEachSink { sink throws(AuditError) in try sink.close() }
    }

    private func forEachSink(_ body: (any AuditSink) throws(AuditError) -> Void) throws(AuditError) {
        var first: AuditError?
        for sink in sinks {
            do throws(AuditError) { try body(sink) } catch { first = first ?? error }
        }
        if let first { throw first }
    }
}
