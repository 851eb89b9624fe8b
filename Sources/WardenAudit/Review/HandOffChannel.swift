import WardenValue
import Dispatch
import Synchronization

/// A bounded hand-off from an import's verifier thread to the inserting thread.
final class ImportChannel: Sendable {
    /// What the verifier sends.
    enum Message: Sendable {
        /// Verified records to insert.
        case batch([SealedRecord])
        /// Every file verified; `skipped` records were already in the database.
        case finished(skipped: Int)
        /// Verification stopped at a break (after sending the batches before it).
        case broken(AuditChainBreak, skipped: Int)
    }

    private struct State {
        var messages: [Message] = []
        var cancelled = false
    }

    private let state = Locked(State())
    private let items = DispatchSemaphore(value: 0)
    private let spaces: DispatchSemaphore
    private let done = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        spaces = DispatchSemaphore(value: capacity)
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

    /// Called by the verifier thread as its last action.
    func verifierDone() {
        done.signal()
    }

    /// Waits until the verifier thread finished.
    func waitForVerifier() {
        done.wait()
        done.signal()
    }
}
