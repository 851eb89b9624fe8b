import WardenValue
import Dispatch
import Synchronization
import WardenRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker thread of a ``ProcessExecutor``: its run queue and how it sleeps.
final class Worker: Sendable {
    /// The position in the executor's worker list.
    let index: Int
    private let queue = Locked(RingBuffer<UnownedJob>())
    private let queued = Atomic<Int>(0)
    private let sleeping = Atomic<Bool>(false)
    private let wakeup = DispatchSemaphore(value: 0)
    /// Identifies the executor this worker belongs to.
    let executorID: Int

    init(index: Int, executorID: Int) {
        self.index = index
        self.executorID = executorID
    }

    /// How many jobs wait in this worker's queue (a hint; exact under the queue's lock).
    var depth: Int { queued.load(ordering: .relaxed) }

    /// Appends a job and returns the queue's new length.
    func push(_ job: UnownedJob) -> Int {
        queue.withLock { q in
            q.append(job)
            queued.store(q.count, ordering: .relaxed)
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

    /// Wakes this worker if it sleeps; `false` if it was awake.
    func wake() -> Bool {
        guard sleeping.compareExchange(expected: true, desired: false, ordering: .sequentiallyConsistent).exchanged
        else { return false }
        wakeup.signal()
        return true
    }

    /// The worker thread's loop: run local, shared, then stolen jobs; sleep when there are none.
    ///
    /// A worker normally steals only from queues with a backlog (two jobs or more), leaving a
    /// worker the single job it will run next; after sleeping through a poll interval it also
    /// takes a lone job from a worker that has been busy all that time.
    func run(for executor: ProcessExecutor) {
        Worker.setCurrent(self)
        let unowned = executor.asUnownedTaskExecutor()
        var idlePolls = 0
        var stealDepth = 2
        while true {
            if let job = pop() ?? executor.takeInjected() ?? executor.steal(for: self, minimumDepth: stealDepth) {
                idlePolls = 0
                stealDepth = 2
                executor.busy.add(1, ordering: .relaxed)
                job.runSynchronously(on: unowned)
                executor.busy.subtract(1, ordering: .relaxed)
                continue
            }
            stealDepth = sleep(in: executor, polls: &idlePolls) ? 1 : 2
        }
    }

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
        guard executor.busy.load(ordering: .relaxed) > 0 else {
            wakeup.wait()
            return false
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
