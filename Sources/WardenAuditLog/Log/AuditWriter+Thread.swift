import Dispatch
import Foundation
import Logging
import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AuditWriter {
    // MARK: barriers

    func flush() async -> AuditError? {
        await withUnsafeContinuation { (done: UnsafeContinuation<AuditError?, Never>) in
            let admission = state.withLock { s -> Admission in
                if s.stopRequested { return .refused(AuditError(.closed, "")) }
                return admit(.flush(done), admitted: nil, &s)
            }
            switch admission {
            case .refused: done.resume(returning: stickyFailure)
            case .waiting: break
            case .queued: perform(admission)
            }
        }
    }

    func shutdown() async {
        await withUnsafeContinuation { (done: UnsafeContinuation<Void, Never>) in
            let admission = state.withLock { s -> Admission? in
                if s.phase == .stopped { return nil }
                s.stopWaiters.append(done)
                if s.stopRequested { return .waiting }
                let admission = admit(.shutdown, admitted: nil, &s)
                s.stopRequested = true
                return admission
            }
            guard let admission else { return done.resume() }
            perform(admission)
        }
    }

    /// Asks the writer to flush and stop without waiting (used when the log is released).
    func requestStop() {
        let admission = state.withLock { s -> Admission? in
            if s.stopRequested || s.phase == .stopped { return nil }
            let admission = admit(.shutdown, admitted: nil, &s)
            s.stopRequested = true
            return admission
        }
        if let admission { perform(admission) }
    }

    // MARK: the writer thread

    func startThread() {
        let thread = Thread { [self] in run() }
        thread.name = "warden-audit-writer"
        thread.start()
    }

    /// How long a durable writer waits for the callers it just released to come back before the
    /// next fsync (group commit): at most this, and only while fewer records are queued than the
    /// last batch had callers. A single caller never waits.
    static let groupCommitWindow = DispatchTimeInterval.microseconds(1000)

    private func run() {
        var sealer = ChainSealer(head: sink.chainHead, node: node, lastID: sink.lastRecordID)
        var unreported: AuditError?
        var lastCallers = 0
        var schedule = checkpointing.map { CheckpointSchedule(configuration: $0) }
        if schedule != nil {
            writeCheckpoint(&schedule, &sealer, &unreported, isFinal: false, opening: true)
        }
        while true {
            if mode == .durable, lastCallers > 1 { gather(lastCallers) }
            var batch: [Item] = []
            var admitted: [UnsafeContinuation<AuditError?, Never>] = []
            let hasWork = state.withLock { s -> Bool in
                var records = 0
                while records < maxBatch, let item = s.queue.popFirst() {
                    batch.append(item)
                    guard item.isRecord else { break }
                    records += 1
                    s.queuedRecords -= 1
                }
                while let next = s.blocked.first, !next.item.isRecord || s.queuedRecords < capacity {
                    _ = s.blocked.popFirst()
                    s.queue.append(next.item)
                    if next.item.isRecord { s.queuedRecords += 1 }
                    if let c = next.admitted { admitted.append(c) }
                }
                backlog.store(s.queuedRecords, ordering: .relaxed)
                if batch.isEmpty { s.phase = .idle }
                return !batch.isEmpty
            }
            for c in admitted { c.resume(returning: nil) }
            guard hasWork else {
                if let deadline = schedule?.deadline {
                    if wakeup.wait(timeout: Self.dispatchTime(deadline)) == .timedOut {
                        state.withLock { $0.phase = .running }
                        writeCheckpoint(&schedule, &sealer, &unreported, isFinal: false)
                        continue
                    }
                } else {
                    wakeup.wait()
                }
                if mode == .async { coalesce() }
                continue
            }
            if process(batch, &sealer, &schedule, &unreported) { return }
            lastCallers = batch.count { $0.isRecord }
        }
    }

    /// How long an `async` writer woken from idle lets records gather before taking a batch, so
    /// a steady stream is written in batches instead of one wake-up (a context switch) per record.
    /// `async` callers do not wait for the write, so this only delays storage, never a caller.
    static let asyncCoalesceWindow: UInt32 = 500  // microseconds

    /// Sleeps ``asyncCoalesceWindow`` unless a full batch or a barrier is already queued.
    private func coalesce() {
        let busy = state.withLock { s in
            s.queuedRecords >= maxBatch || s.queue.count > s.queuedRecords || !s.blocked.isEmpty
        }
        if !busy { usleep(Self.asyncCoalesceWindow) }
    }

    /// Waits (up to ``groupCommitWindow``) until `callers` records are queued, so one fsync
    /// covers the callers released by the previous one.
    private func gather(_ callers: Int) {
        let deadline = DispatchTime.now() + Self.groupCommitWindow
        while true {
            let ready = state.withLock { s -> Bool in
                if s.queuedRecords >= callers || s.queue.count > s.queuedRecords || !s.blocked.isEmpty
                    || s.stopRequested
                {
                    return true
                }
                s.phase = .idle
                return false
            }
            if ready { return }
            if wakeup.wait(timeout: deadline) == .timedOut {
                state.withLock { $0.phase = .running }
                return
            }
        }
    }

    /// Writes one batch and completes its waiters; `true` when the batch ended with shutdown.
    private func process(
        _ batch: [Item], _ sealer: inout ChainSealer, _ schedule: inout CheckpointSchedule?,
        _ unreported: inout AuditError?
    ) -> Bool {
        var completions: [(Completion, AuditChainHead)] = []
        var sealed: [SealedRecord] = []
        sealed.reserveCapacity(batch.count)
        let before = sealer.head
        let scheduleBefore = schedule
        for case .record(let prepared, let completion) in batch {
            sealed.append(sealer.seal(prepared))
            if let completion { completions.append((completion, sealer.head)) }
            schedule?.recordsSince += 1
            if schedule?.dueByCount == true, let due = schedule?.seal(&sealer, isFinal: false) { sealed.append(due) }
        }
        if schedule?.dueByTime == true, let due = schedule?.seal(&sealer, isFinal: false) { sealed.append(due) }
        var failure: AuditError?
        if !sealed.isEmpty {
            do throws(AuditError) {
                try sink.write(sealed)
            } catch {
                sealer.rewind(to: sink.headAfterFailure ?? before)
                schedule = scheduleBefore
                failure = error
            }
            if failure == nil, mode == .durable {
                do throws(AuditError) { try sink.sync() } catch { failure = error }
            }
        }
        if let failure {
            fail(failure, records: sealed.count, &unreported)
        }
        for (completion, position) in completions {
            let outcome: Result<AuditChainHead?, AuditError> =
                if let failure { failurePolicy == .failClosed ? .failure(failure) : .success(nil) } else {
                    .success(position)
                }
            completion.resume(returning: outcome)
        }

        switch batch.last {
        case .flush(let done):
            do throws(AuditError) { try sink.sync() } catch { fail(error, records: 0, &unreported) }
            done.resume(returning: unreported)
            unreported = nil
            return false
        case .shutdown:
            if schedule != nil { writeCheckpoint(&schedule, &sealer, &unreported, isFinal: true) }
            do throws(AuditError) { try sink.close() } catch { fail(error, records: 0, &unreported) }
            let waiters = state.withLock { s -> [UnsafeContinuation<Void, Never>] in
                s.phase = .stopped
                defer { s.stopWaiters = [] }
                return s.stopWaiters
            }
            for waiter in waiters { waiter.resume() }
            return true
        default:
            return false
        }
    }

    /// Writes a checkpoint on its own (when the log opens, after an idle interval, when it
    /// closes) and syncs it in `durable` mode; a failure is counted and logged like a record's.
    private func writeCheckpoint(
        _ schedule: inout CheckpointSchedule?, _ sealer: inout ChainSealer, _ unreported: inout AuditError?,
        isFinal: Bool,
        opening: Bool = false
    ) {
        let before = sealer.head
        let scheduleBefore = schedule
        guard let checkpoint = schedule?.seal(&sealer, isFinal: isFinal, opening: opening) else { return }
        do throws(AuditError) {
            try sink.write([checkpoint])
        } catch {
            sealer.rewind(to: sink.headAfterFailure ?? before)
            schedule = scheduleBefore
            fail(error, records: 0, &unreported)
            return
        }
        if mode == .durable || isFinal {
            do throws(AuditError) { try sink.sync() } catch { fail(error, records: 0, &unreported) }
        }
    }

    /// The dispatch time of a continuous-clock instant.
    static func dispatchTime(_ instant: ContinuousClock.Instant) -> DispatchTime {
        let remaining = ContinuousClock.now.duration(to: instant)
        let nanoseconds = max(
            0, remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000)
        return .now() + .nanoseconds(Int(nanoseconds))
    }

    private func fail(_ error: AuditError, records: Int, _ unreported: inout AuditError?) {
        if records > 0 { failures.add(records, ordering: .relaxed) }
        if unreported == nil { unreported = error }
        logger.error(
            "audit records could not be written",
            metadata: [
                "audit.node": "\(node)", "audit.records": "\(records)", "audit.error": "\(error.message)",
                "audit.code": "\(error.code)", "audit.policy": "\(failurePolicy.rawValue)",
            ])
        if mode == .async, failurePolicy == .failClosed, records > 0 {
            state.withLock { s in
                if s.failure == nil { s.failure = error }
            }
        }
    }
}
