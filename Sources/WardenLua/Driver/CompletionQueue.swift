import WardenSync
import WardenValue

/// Something another task finished for a process: a runtime call or a process-channel element.
enum Completion: Sendable {
    /// The runtime call of coroutine `thread` returned.
    case reply(thread: Int, LuaReply)
    /// The pump of channel `channel` received `item` (`nil`: the runtime channel ended).
    case pumped(channel: ObjectIdentifier, item: ExternalItem?)
}

/// Where tasks working for a process post their results; the process's driver takes them.
final class CompletionQueue: Sendable {
    private struct State {
        var items: [Completion] = []
        var waiter: UnsafeContinuation<Void, Never>?
        var cancelled = false
    }

    private let state = Locked(State())

    /// Adds a completion and wakes the driver if it waits.
    func post(_ completion: Completion) {
        let waiter = state.withLock { s -> UnsafeContinuation<Void, Never>? in
            s.items.append(completion)
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// Waits until at least one completion is queued (or the task is cancelled) and takes all.
    func next() async -> [Completion] {
        await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in
                let ready = state.withLock { s -> Bool in
                    if !s.items.isEmpty || s.cancelled { return true }
                    s.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { s -> UnsafeContinuation<Void, Never>? in
                s.cancelled = true
                defer { s.waiter = nil }
                return s.waiter
            }
            waiter?.resume()
        }
        return state.withLock { s in
            let items = s.items
            s.items = []
            return items
        }
    }
}
