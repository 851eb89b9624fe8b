import DequeModule
import Dispatch
import Synchronization
import WardenRuntime
import WardenSync
import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker thread of a ``ProcessExecutor``: its run queue and how it sleeps.
final class Worker: Sendable {
    /// The position in the executor's worker list.
    let index: Int
    private let queue = Locked(Deque<UnownedJob>())
    private let queued = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wakeup = DispatchSemaphore(value: 0)
    /// Whether this worker sleeps without polling (it is woken by enqueuers only).
    private let deepSleep = Atomic<Bool>(false)
    /// How many jobs this worker has finished; a poller that sees it unchanged over a poll
    /// interval knows the worker is stuck in one long job.
    let finished = Atomic<Int>(0)
    /// Identifies the executor this worker belongs to.
    let executorID: Int

    init(index: Int, executorID: Int) {
        self.index = index
        self.executorID = executorID
    }

    /// How many jobs wait in this worker's queue (a hint; exact under the queue's lock).
    var depth: Int { queued.load(ordering: .sequentiallyConsistent) }

    /// Appends a job and returns the queue's new length.
    func push(_ job: UnownedJob) -> Int {
        queue.withLock { q in
            q.append(job)
            queued.store(q.count, ordering: .sequentiallyConsistent)
            return q.count
        }
    }

    /// Takes the oldest job of this worker's queue.
    func pop() -> UnownedJob? {
        queue.withLock { q in
            let job = q.popFirst()
            queued.store(q.count, ordering: .relaxed)
            return job
        }
    }

    /// Wakes this worker if it sleeps without a poll interval (nothing was queued anywhere when
    /// it went to sleep); `false` otherwise.
    func wakeIfInDeepSleep() -> Bool {
        deepSleep.load(ordering: .sequentiallyConsistent) && wake()
    }

    /// Wakes this worker if it sleeps; `false` if it was awake.
    func wake() -> Bool {
        guard sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
        else { return false }
        wakeup.signal()
        return true
    }

    /// The worker thread's loop: run local, shared, then stolen jobs; sleep when there are none.
    ///
    /// A worker steals only from queues with a backlog (two jobs or more), leaving a worker the
    /// single job it will run next; after sleeping through a poll interval it also takes a lone
    /// job from a worker that finished no job in that interval (stuck in a long one).
    func run(for executor: ProcessExecutor) {
        Worker.setCurrent(self)
        let unowned = executor.asUnownedTaskExecutor()
        var idlePolls = 0
        var jobs = 0
        while true {
            if let job = nextJob(executor) ?? spin(executor) ?? pollOnce(executor, polls: &idlePolls) {
                idlePolls = 0
                executor.busy.add(1, ordering: .relaxed)
                job.runSynchronously(on: unowned)
                executor.busy.subtract(1, ordering: .relaxed)
                jobs &+= 1
                finished.store(jobs, ordering: .relaxed)
            }
        }
    }

    private func nextJob(_ executor: ProcessExecutor) -> UnownedJob? {
        pop() ?? executor.takeInjected() ?? executor.steal(for: self, minimumDepth: 2)
    }

    /// Sleeps once; after a poll interval without a wake-up, takes a job stuck behind a long one.
    private func pollOnce(_ executor: ProcessExecutor, polls: inout Int) -> UnownedJob? {
        let before = executor.workers.map { $0.finished.load(ordering: .relaxed) }
        guard sleep(in: executor, polls: &polls) else { return nil }
        return executor.stealStuck(for: self, finishedBefore: before)
    }

    /// Looks for work a few more times, yielding the core in between, before going to sleep:
    /// during bursts (many spawns) this saves a sleep and a wake-up per job. While a worker
    /// spins, enqueuers do not wake sleepers.
    private func spin(_ executor: ProcessExecutor) -> UnownedJob? {
        executor.spinning.add(1, ordering: .sequentiallyConsistent)
        defer { executor.spinning.subtract(1, ordering: .sequentiallyConsistent) }
        for _ in 0..<Worker.spinRounds {
            sched_yield()
            if let job = nextJob(executor) { return job }
        }
        return nil
    }

    /// How many times an idle worker looks for work before sleeping.
    static let spinRounds = 16

    /// Sleeps until woken; while another worker is busy, wakes up on its own after a short,
    /// growing interval (1 ms to 32 ms). Returns whether the interval passed without a wake-up.
    private func sleep(in executor: ProcessExecutor, polls: inout Int) -> Bool {
        sleeping.store(true, ordering: .sequentiallyConsistent)
        if executor.hasWork(minimumDepth: 2) {
            if sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
                return false
            }
            wakeup.wait()  // a waker already claimed us: take its signal
            return false
        }
        if executor.busy.load(ordering: .sequentiallyConsistent) == 0 {
            // Sleep until woken, unless a job is queued somewhere: an enqueuer that sees this
            // deep sleep wakes us even for a single queued job (see `wakeIfInDeepSleep`).
            deepSleep.store(true, ordering: .sequentiallyConsistent)
            if !executor.hasWork(minimumDepth: 1) {
                wakeup.wait()
                deepSleep.store(false, ordering: .sequentiallyConsistent)
                return false
            }
            deepSleep.store(false, ordering: .sequentiallyConsistent)
        }
        let interval = 1 << Swift.min(polls, 5)
        polls += 1
        guard wakeup.wait(timeout: .now() + .milliseconds(interval)) == .timedOut else { return false }
        if !sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged {
            wakeup.wait()  // woken between the timeout and now: take the signal
            return false
        }
        return true
    }

    // MARK: The current thread's worker

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The worker running on this thread, if any.
    static var current: Worker? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<Worker>.fromOpaque(pointer).takeUnretainedValue()
    }

    private static func setCurrent(_ worker: Worker) {
        pthread_setspecific(key, Unmanaged.passUnretained(worker).toOpaque())
    }
}
