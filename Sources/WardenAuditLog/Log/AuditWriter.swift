import DequeModule
import Dispatch
import Foundation
import Logging
import Synchronization
import WardenAuditRecord
import WardenSync
import WardenValue

/// The engine behind ``AuditLog``: a bounded queue in front of one writer thread that seals
/// records (so there is exactly one chain order) and hands them to the sink in batches.
///
/// Sinks do blocking I/O (`write(2)`, `fsync`), so the writer is a dedicated thread rather than
/// a task on the cooperative pool. Producers never block a thread: they suspend on
/// continuations when the queue is full or while waiting for their batch to be written.
final class AuditWriter: Sendable {
    /// Resumed with the record's chain position once written (`nil` when a fail-open log could
    /// not write it), or with the failure of a fail-closed log.
    typealias Completion = UnsafeContinuation<Result<AuditChainHead?, AuditError>, Never>

    /// One queued item: a record, or a barrier that ends a batch.
    enum Item: Sendable {
        /// A record; `sync` and `durable` callers wait on the completion.
        case record(PreparedEntry, Completion?)
        /// Sync the sink, then report failures since the previous flush.
        case flush(UnsafeContinuation<AuditError?, Never>)
        /// Sync and close the sink, then stop the thread.
        case shutdown

        var isRecord: Bool {
            if case .record = self { return true }
            return false
        }
    }

    /// A producer waiting for queue space: its item and, for `async` callers, the continuation
    /// to resume (with `nil`) once the item is queued.
    struct Blocked: Sendable {
        var item: Item
        var admitted: UnsafeContinuation<AuditError?, Never>?
    }

    enum Phase {
        case notStarted, running, idle, stopped
    }

    struct State: ~Copyable {
        var queue = Deque<Item>()
        var queuedRecords = 0
        var blocked = Deque<Blocked>()
        var phase = Phase.notStarted
        var stopRequested = false
        var stopWaiters: [UnsafeContinuation<Void, Never>] = []
        /// Set by a failed write in `async` mode with fail-closed policy; refuses new records.
        var failure: AuditError?
    }

    let node: String
    let sink: any AuditSink
    let mode: DeliveryMode
    let failurePolicy: FailurePolicy
    let logger: Logger
    let capacity: Int
    let maxBatch: Int
    /// Signed checkpoints to seal, when the log has a signing key.
    let checkpointing: AuditCheckpointing?
    let state = Locked(State())
    let wakeup = DispatchSemaphore(value: 0)
    let failures = Atomic<Int>(0)
    /// Records queued and not yet taken by the writer, mirrored outside the lock so `async`
    /// producers can tell cheaply whether the writer keeps up.
    let backlog = Atomic<Int>(0)

    /// Queued records beyond which `async` producers encode their own entries: the writer is
    /// behind, so sharing the encoding across producers raises throughput. Below it, producers
    /// leave encoding to the writer thread and return sooner.
    static let backlogForCallerEncoding = 256

    init(
        node: String, sink: any AuditSink, mode: DeliveryMode, failurePolicy: FailurePolicy,
        logger: Logger, capacity: Int, maxBatch: Int, checkpointing: AuditCheckpointing? = nil
    ) {
        self.checkpointing = checkpointing
        self.node = node
        self.sink = sink
        self.mode = mode
        self.failurePolicy = failurePolicy
        self.logger = logger
        self.capacity = capacity
        self.maxBatch = maxBatch
    }

    var failureCount: Int { failures.load(ordering: .relaxed) }

    /// Whether the writer has fallen behind (see ``backlogForCallerEncoding``).
    var isBacklogged: Bool { backlog.load(ordering: .relaxed) >= Self.backlogForCallerEncoding }

    var stickyFailure: AuditError? { state.withLock { $0.failure } }

    var occupancy: (queued: Int, blocked: Int) { state.withLock { ($0.queuedRecords, $0.blocked.count) } }

    // MARK: producers

    /// What a producer does after looking at the state.
    enum Admission {
        case refused(AuditError)
        case queued(startWriter: Bool, signal: Bool)
        case waiting
    }

    /// Queues `item` if there is room and nobody waits before it, else parks it in `blocked`.
    func admit(_ item: Item, admitted: UnsafeContinuation<AuditError?, Never>?, _ s: inout State) -> Admission {
        if s.stopRequested {
            return .refused(AuditError(.closed, "audit log `\(node)` is shut down; no record can be written"))
        }
        if item.isRecord, let failure = s.failure {
            return .refused(
                AuditError(
                    .failedEarlier,
                    "audit log `\(node)` refuses records after an earlier write failure: \(failure.message)"))
        }
        guard s.blocked.isEmpty, !item.isRecord || s.queuedRecords < capacity else {
            s.blocked.append(Blocked(item: item, admitted: admitted))
            return .waiting
        }
        s.queue.append(item)
        if item.isRecord {
            s.queuedRecords += 1
            backlog.store(s.queuedRecords, ordering: .relaxed)
        }
        return wake(&s)
    }

    private func wake(_ s: inout State) -> Admission {
        switch s.phase {
        case .notStarted:
            s.phase = .running
            return .queued(startWriter: true, signal: false)
        case .idle:
            s.phase = .running
            return .queued(startWriter: false, signal: true)
        case .running, .stopped:
            return .queued(startWriter: false, signal: false)
        }
    }

    func perform(_ admission: Admission) {
        if case .queued(let start, let signal) = admission {
            if start { startThread() }
            if signal { wakeup.signal() }
        }
    }

    /// Queues `prepared`; `sync` and `durable` callers wait for the write and get the record's
    /// chain position, `async` callers get `nil` (the record is sealed later).
    func submit(_ prepared: PreparedEntry) async throws(AuditError) -> AuditChainHead? {
        if mode == .async {
            // Fast path: room in the queue, no continuation needed.
            let admission = state.withLock { s -> Admission? in
                guard s.blocked.isEmpty, s.queuedRecords < capacity || s.stopRequested || s.failure != nil else {
                    return nil
                }
                return admit(.record(prepared, nil), admitted: nil, &s)
            }
            if let admission {
                if case .refused(let error) = admission { throw error }
                perform(admission)
                return nil
            }
            let refusal = await withUnsafeContinuation { (admitted: UnsafeContinuation<AuditError?, Never>) in
                let admission = state.withLock { admit(.record(prepared, nil), admitted: admitted, &$0) }
                switch admission {
                case .refused(let error): admitted.resume(returning: error)
                case .waiting: break
                case .queued:
                    perform(admission)
                    admitted.resume(returning: nil)
                }
            }
            if let refusal { throw refusal }
            return nil
        }
        let result: Result<AuditChainHead?, AuditError> = await withUnsafeContinuation { completion in
            let admission = state.withLock { admit(.record(prepared, completion), admitted: nil, &$0) }
            switch admission {
            case .refused(let error): completion.resume(returning: .failure(error))
            case .waiting: break
            case .queued: perform(admission)
            }
        }
        return try result.get()
    }
}
