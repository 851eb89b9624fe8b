import Foundation
import WardenSync
import WardenValue

/// The source of a `time.after` (fires once) or `time.tick` (fires every period) channel.
///
/// Each firing is a ``ExternalItem/time(_:)`` with the wall-clock time in Unix nanoseconds. A
/// fired `after` never fires again; waiting on it lasts until the waiting task is cancelled.
final class LuaTimer: Sendable {
    private struct State {
        var next: ContinuousClock.Instant
        var fired = false
    }

    private let period: Duration?
    private let state: Locked<State>

    /// A timer firing after `delay`, then every `delay` again when `repeating`.
    init(delay: Duration, repeating: Bool) {
        period = repeating ? max(delay, .milliseconds(1)) : nil
        state = Locked(State(next: ContinuousClock.now + delay))
    }

    /// The current wall-clock time in Unix nanoseconds.
    static func nowNanoseconds() -> Int {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return spec.tv_sec * 1_000_000_000 + spec.tv_nsec
    }

    /// Fires if due, without waiting.
    func fireIfDue() -> ExternalItem? {
        let due = state.withLock { s -> Bool in
            guard !s.fired, ContinuousClock.now >= s.next else { return false }
            advance(&s)
            return true
        }
        return due ? .time(LuaTimer.nowNanoseconds()) : nil
    }

    /// Waits for the next firing; `nil` when the waiting task is cancelled.
    func wait() async -> ExternalItem? {
        while !Task.isCancelled {
            let (next, fired) = state.withLock { ($0.next, $0.fired) }
            if fired {
                try? await Task.sleep(for: .seconds(365 * 24 * 3600))
                continue
            }
            do {
                try await Task.sleep(until: next, clock: .continuous)
            } catch {
                return nil
            }
            if let item = fireIfDue() { return item }
        }
        return nil
    }

    private func advance(_ s: inout State) {
        if let period {
            s.next = s.next + period
            if s.next < ContinuousClock.now { s.next = ContinuousClock.now + period }
        } else {
            s.fired = true
        }
    }
}
