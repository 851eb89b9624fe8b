import Synchronization
import WardenAuditLog
import WardenAuditRecord
import WardenSync

#if canImport(Glibc)
import Glibc
import WardenValue
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps a real sink and makes chosen writes fail the way a full disk does.
final class FaultInjectingSink: AuditSink {
    private let wrapped: any AuditSink
    private let failing = Locked(false)

    init(_ wrapped: any AuditSink) {
        self.wrapped = wrapped
    }

    var chainHead: AuditChainHead { wrapped.chainHead }

    /// Makes later writes fail with ENOSPC (or succeed again).
    func setOutOfSpace(_ on: Bool) {
        failing.withLock { $0 = on }
    }

    func write(_ batch: [SealedRecord]) throws(AuditError) {
        if failing.withLock({ $0 }) {
            throw AuditError(
                .writeFailed,
                "cannot write audit log `injected`: write: no space left on device (errno 28); free space on the device or move the log"
            )
        }
        try wrapped.write(batch)
    }

    func sync() throws(AuditError) { try wrapped.sync() }

    func close() throws(AuditError) { try wrapped.close() }
}

/// An in-memory sink whose `write` and `sync` wait at a gate until it is opened, so tests can
/// hold the writer still and look at the queue.
final class GatedSink: AuditSink {
    private struct State {
        var records: [SealedRecord] = []
        var writeOpen = true
        var syncOpen = true
        var waiting = 0
        var syncs = 0
        var writes = 0
    }

    private let state = Locked(State())
    let chainHead = AuditChainHead.genesis

    var records: [SealedRecord] { state.withLock { $0.records } }
    var syncCount: Int { state.withLock { $0.syncs } }
    var writeCount: Int { state.withLock { $0.writes } }
    /// How many calls wait at a gate now.
    var waiting: Int { state.withLock { $0.waiting } }

    func setWriteGate(open: Bool) { state.withLock { $0.writeOpen = open } }
    func setSyncGate(open: Bool) { state.withLock { $0.syncOpen = open } }

    private func pass(_ isOpen: (State) -> Bool) {
        var counted = false
        while true {
            let open = state.withLock { s -> Bool in
                if isOpen(s) {
                    if counted { s.waiting -= 1 }
                    return true
                }
                if !counted { s.waiting += 1 }
                return false
            }
            if open { return }
            counted = true
            usleep(200)
        }
    }

    func write(_ batch: [SealedRecord]) throws(AuditError) {
        pass { $0.writeOpen }
        state.withLock {
            $0.records.append(contentsOf: batch)
            $0.writes += 1
        }
    }

    func sync() throws(AuditError) {
        pass { $0.syncOpen }
        state.withLock { $0.syncs += 1 }
    }

    func close() throws(AuditError) {}
}
