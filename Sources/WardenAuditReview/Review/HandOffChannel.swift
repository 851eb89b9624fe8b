import Dispatch
import WardenSync
import WardenValue

/// A bounded hand-off of messages from one producer thread to one consumer thread (an import's
/// verifier to its inserter, a read-ahead reader to its consumer).
final class HandOffChannel<Message: Sendable>: Sendable {
    private struct State {
        var messages: [Message] = []
        var cancelled = false
    }

    private let state = Locked(State())
    private let items = DispatchSemaphore(value: 0)
    private let spaces: DispatchSemaphore
    private let done = DispatchSemaphore(value: 0)

    /// A channel holding at most `capacity` messages not yet received.
    init(capacity: Int) {
        // Start at 0 and signal up to `capacity`: libdispatch traps when a semaphore is released
        // below the value it was created with, which a channel dropped with messages still in it
        // (a read-ahead cursor left early) would be.
        spaces = DispatchSemaphore(value: 0)
        for _ in 0..<max(0, capacity) { spaces.signal() }
    }

    /// Sends a message, waiting for room; `false` once the receiver cancelled.
    func send(_ message: Message) -> Bool {
        spaces.wait()
        let accepted = state.withLock { s -> Bool in
            guard !s.cancelled else { return false }
            s.messages.append(message)
            return true
        }
        if accepted { items.signal() } else { spaces.signal() }
        return accepted
    }

    /// The next message, waiting for one.
    func receive() -> Message {
        items.wait()
        let message = state.withLock { $0.messages.removeFirst() }
        spaces.signal()
        return message
    }

    /// Stops the sender: its pending and later sends return `false`.
    func cancel() {
        state.withLock { $0.cancelled = true }
        spaces.signal()
    }

    /// Called by the producer thread as its last action.
    func producerDone() {
        done.signal()
    }

    /// Waits until the producer thread finished.
    func waitForProducer() {
        done.wait()
        done.signal()
    }
}
