import Synchronization
import WardenAuditLog
import WardenAuditRecord

/// An ``AuditSink`` decorator that counts the records its inner sink accepted and wakes one
/// waiter once a given count is reached.
///
/// With an `async` log, ``AuditLog/record(_:)`` returns once the record is queued; waiting here
/// for the count measures until the records reached `write(2)`, with no `fsync` in the way.
final class CountingSink: AuditSink {
    private struct State {
        var written = 0
        var target = 0
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let inner: any AuditSink
    private let state = Mutex(State())

    /// Counts the records written to `inner`.
    init(wrapping inner: any AuditSink) {
        self.inner = inner
    }

    var chainHead: AuditChainHead { inner.chainHead }

    /// How many records were written so far.
    var written: Int { state.withLock { $0.written } }

    /// Waits until at least `count` records in total were written.
    func waitUntilWritten(_ count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { s -> Bool in
                if s.written >= count { return true }
                s.target = count
                s.waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func write(_ batch: [SealedRecord]) throws(AuditError) {
        try inner.write(batch)
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            s.written += batch.count
            guard s.written >= s.target, let waiter = s.waiter else { return nil }
            s.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    func sync() throws(AuditError) { try inner.sync() }

    func close() throws(AuditError) { try inner.close() }
}
