import Foundation
import WardenSync
import WardenValue

/// The source of a `time.after` / `time.timer` (fires once) or `time.tick` / `time.ticker`
/// (fires every period) channel.
///
/// Each firing is a ``ExternalItem/time(_:)`` with the wall-clock time in Unix nanoseconds. A
/// fired or stopped timer does not fire again until it is reset; waiting on it lasts until the
/// waiting task is cancelled or the timer is reset. A reset wakes a waiter at once, so a timer
/// reset to an earlier time fires at that time.
final class LuaTimer: Sendable {
    private struct State {
        var next: ContinuousClock.Instant
        var active = true
        var period: Duration?
        /// Counts resets and stops; a waiter that saw another value starts over.
        var generation = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state: Locked<State>

    /// A timer firing after `delay`, then every `delay` again when `repeating`.
    init(delay: Duration, repeating: Bool) {
        state = Locked(
            State(
                next: ContinuousClock.now + delay,
                period: repeating ? max(delay, .milliseconds(1)) : nil))
    }

    /// The current wall-clock time in Unix nanoseconds.
    static func nowNanoseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return spec.tv_sec * 1_000_000_000 + spec.tv_nsec
    }

    /// Stops the timer; `true` if it was still going to fire.
    @discardableResult
    func stop() -> Bool {
        let (wasActive, waiters) = state.withLock { s -> (Bool, [CheckedContinuation<Void, Never>]) in
            let wasActive = s.active
            s.active = false
            return (wasActive, LuaTimer.bump(&s))
        }
        for waiter in waiters { waiter.resume() }
        return wasActive
    }

    /// Makes the timer fire after `delay` (then every `delay` for a repeating timer); `true`
    /// if it was still going to fire.
    @discardableResult
    func reset(delay: Duration) -> Bool {
        let (wasActive, waiters) = state.withLock { s -> (Bool, [CheckedContinuation<Void, Never>]) in
            let wasActive = s.active
            s.active = true
            s.next = ContinuousClock.now + delay
            if s.period != nil { s.period = max(delay, .milliseconds(1)) }
            return (wasActive, LuaTimer.bump(&s))
        }
        for waiter in waiters { waiter.resume() }
        return wasActive
    }

    /// Fires if due, without waiting.
    func fireIfDue() -> ExternalItem? {
        let due = state.withLock { s -> Bool in
            guard s.active, ContinuousClock.now >= s.next else { return false }
            if let period = s.period {
                s.next = s.next + period
                if s.next < ContinuousClock.now { s.next = ContinuousClock.now + period }
            } else {
                s.active = false
            }
            return true
        }
        return due ? .time(LuaTimer.nowNanoseconds()) : nil
    }

    /// Waits for the next firing; `nil` when the waiting task is cancelled.
    func wait() async -> ExternalItem? {
        while !Task.isCancelled {
            let (next, active, generation) = state.withLock { ($0.next, $0.active, $0.generation) }
            if active {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await Task.sleep(until: next, clock: .continuous) }
                    group.addTask { await self.changed(since: generation) }
                    await group.next()
                    group.cancelAll()
                }
            } else {
                await changed(since: generation)
            }
            if Task.isCancelled { return nil }
            if let item = fireIfDue() { return item }
        }
        return nil
    }

    /// Returns once the timer is reset or stopped after `generation`, or the task is cancelled.
    private func changed(since generation: Int) async {
        let id = state.withLock { s -> Int in
            s.nextWaiter += 1
            return s.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { s -> Bool in
                    if Task.isCancelled || s.generation != generation { return true }
                    s.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    private static func bump(_ s: inout State) -> [CheckedContinuation<Void, Never>] {
        s.generation += 1
        let waiters = Array(s.waiters.values)
        s.waiters = [:]
        return waiters
    }
}
