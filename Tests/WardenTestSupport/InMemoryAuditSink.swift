import Synchronization
import WardenAuditLog
import WardenAuditRecord
import WardenSync
import WardenValue

/// An audit sink that keeps sealed records in memory, for tests. It can be told to fail writes
/// or syncs, to exercise fail-closed and fail-open paths.
public final class InMemoryAuditSink: AuditSink {
    private struct State {
        var records: [SealedRecord] = []
        var syncs = 0
        var closed = false
        var writeFailure: AuditError?
        var syncFailure: AuditError?
    }

    private let state = Locked(State())
    /// Where the chain continues: genesis unless given.
    public let chainHead: AuditChainHead

    /// Creates an empty sink whose chain continues after `head`.
    public init(head: AuditChainHead = .genesis) {
        self.chainHead = head
    }

    /// The sealed records written so far, in order.
    public var records: [SealedRecord] { state.withLock { $0.records } }

    /// The JSON lines written so far, in order.
    public var lines: [String] { state.withLock { $0.records.map(\.line) } }

    /// How many times ``sync()`` was called.
    public var syncCount: Int { state.withLock { $0.syncs } }

    /// Whether ``close()`` was called.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Makes every later ``write(_:)`` throw `error` (or succeed again with `nil`).
    public func failWrites(with error: AuditError?) {
        state.withLock { $0.writeFailure = error }
    }

    /// Makes every later ``sync()`` throw `error` (or succeed again with `nil`).
    public func failSyncs(with error: AuditError?) {
        state.withLock { $0.syncFailure = error }
    }

    /// Appends the batch, or throws the injected write failure and keeps nothing.
    public func write(_ batch: [SealedRecord]) throws(AuditError) {
        try state.withLock { s throws(AuditError) in
            if let failure = s.writeFailure { throw failure }
            s.records.append(contentsOf: batch)
        }
    }

    /// Counts the sync, or throws the injected sync failure.
    public func sync() throws(AuditError) {
        try state.withLock { s throws(AuditError) in
            s.syncs += 1
            if let failure = s.syncFailure { throw failure }
        }
    }

    /// Marks the sink closed.
    public func close() throws(AuditError) {
        state.withLock { $0.closed = true }
    }
}
