import DequeModule
import Dispatch
import Foundation
import Synchronization
import WardenRuntime
import WardenSync
import WardenValue

/// The executor process tasks run on: one worker thread per core, each with its own run queue.
///
/// A job made ready by a worker (a process resumed by a message, a freshly spawned process)
/// goes to that worker's own queue and runs there as soon as the current job suspends, without
/// waking another thread: a message exchange between two processes stays on one core, as on
/// an Erlang scheduler. Another worker is woken only when a queue holds a backlog (two jobs or
/// more), when work arrives from outside the pool, or, for any queued job, when that worker is
/// in deep sleep (it went to sleep while nothing was queued or running). Idle workers steal from
/// queues with a backlog and, while some worker is busy, poll every 1 to 32 ms and take a lone
/// job from a worker that finished no job meanwhile, so a long-running job cannot hide a queued
/// one.
public final class ProcessExecutor: TaskExecutor {
    /// The executor shared by every `LocalRuntime` unless one is given another.
    public static let shared = ProcessExecutor(workers: ProcessInfo.processInfo.activeProcessorCount)

    let workers: [Worker]
    /// Tells this executor's workers from other executors' (see ``Worker/executorID``).
    private let id: Int
    private static let nextID = Atomic<Int>(0)
    /// Jobs enqueued from threads outside the pool.
    private let injected = Locked(Deque<UnownedJob>())
    /// Workers currently running a job (idle workers poll while this is non-zero).
    let busy = Atomic<Int>(0)
    /// Workers looking for work before they sleep (enqueuers need not wake anyone meanwhile).
    let spinning = Atomic<Int>(0)

    /// Starts `workers` worker threads (at least one). They live as long as the executor.
    public init(workers: Int) {
        let count = Swift.max(1, workers)
        let id = ProcessExecutor.nextID.add(1, ordering: .relaxed).newValue
        self.id = id
        self.workers = (0..<count).map { Worker(index: $0, executorID: id) }
        for worker in self.workers {
            let thread = Thread { [self] in worker.run(for: self) }
            thread.name = "warden-process-\(worker.index)"
            thread.start()
        }
    }

    /// Takes a job from the Swift concurrency runtime.
    public func enqueue(_ job: consuming ExecutorJob) {
        schedule(UnownedJob(job))
    }

    /// Queues `job` on the current worker, or on the shared queue from outside the pool.
    func schedule(_ job: UnownedJob) {
        if let worker = Worker.current, worker.executorID == id {
            let depth = worker.push(job)
            if depth >= 2 {
                wakeOne()
            } else {
                // A lone job runs here next; only a worker that would not poll is woken, so a
                // long job cannot hide this one, and message exchanges cause no wake-ups.
                for other in workers where other !== worker && other.wakeIfInDeepSleep() { break }
            }
        } else {
            injected.withLock { $0.append(job) }
            wakeOne()
        }
    }

    /// Wakes one sleeping worker, unless one is already looking for work.
    func wakeOne() {
        if spinning.load(ordering: .sequentiallyConsistent) > 0 { return }
        for worker in workers where worker.wake() { return }
    }

    /// A job from the shared queue.
    func takeInjected() -> UnownedJob? {
        injected.withLock { $0.popFirst() }
    }

    /// Whether the shared queue holds a job or a worker queue at least `minimumDepth` jobs
    /// (checked before a worker sleeps).
    func hasWork(minimumDepth: Int) -> Bool {
        if injected.withLock({ !$0.isEmpty }) { return true }
        return workers.contains { $0.depth >= minimumDepth }
    }

    /// A job stolen from a worker that has a queued job but finished none since `finishedBefore`
    /// was read (it is stuck in one long job).
    func stealStuck(for thief: Worker, finishedBefore: [Int]) -> UnownedJob? {
        for (index, victim) in workers.enumerated() where victim !== thief && victim.depth > 0 {
            guard index < finishedBefore.count,
                victim.finished.load(ordering: .relaxed) == finishedBefore[index]
            else { continue }
            if let job = victim.pop() { return job }
        }
        return nil
    }

    /// A job stolen from another worker whose queue holds at least `minimumDepth` jobs.
    func steal(for thief: Worker, minimumDepth: Int) -> UnownedJob? {
        let count = workers.count
        guard count > 1 else { return nil }
        for offset in 1..<count {
            let victim = workers[(thief.index + offset) % count]
            if victim.depth >= minimumDepth, let job = victim.pop() { return job }
        }
        return nil
    }
}
