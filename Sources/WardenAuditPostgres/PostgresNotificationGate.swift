import Synchronization

/// Where a follower waits for the store's notifications (LISTEN/NOTIFY): ``signal()`` (from the
/// event loop, when a notification arrives) wakes the waiter at once, or the next one when nobody
/// waits; a wait also ends when its time is up.
final class PostgresNotificationGate: Sendable {
    private struct State {
        /// A notification arrived while nobody waited.
        var pending = false
        /// The waiter, with the number of its wait.
        var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
        /// The wait whose time ran out before it started waiting.
        var expired: Int?
        var lastID = 0
    }

    private let state = Mutex(State())

    /// A notification arrived.
    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when a notification arrives (or arrived since the previous wait), or after `limit`.
    func wait(upTo limit: Duration) async {
        let id = state.withLock { state -> Int? in
            if state.pending {
                state.pending = false
                return nil
            }
            state.lastID += 1
            return state.lastID
        }
        guard let id else { return }
        let timer = Task { [self] in
            try? await Task.sleep(for: limit)
            expire(id)
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.pending || state.expired == id {
                    state.pending = false
                    return true
                }
                state.waiter = (id, continuation)
                return false
            }
            if now { continuation.resume() }
        }
        timer.cancel()
    }

    /// Ends wait `id` when it still waits (or as soon as it starts).
    private func expire(_ id: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter, waiter.id == id else {
                state.expired = id
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }
}
