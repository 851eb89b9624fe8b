import Dispatch
import Foundation
import Synchronization

/// Catches SIGINT and SIGTERM from the moment it is made, so a signal that arrives while the
/// tree is still starting is not lost (nor kills the process): shutdown then runs in order.
final class SignalWait: Sendable {
    private let state = Mutex<
        (fired: Bool, waiter: CheckedContinuation<Void, Never>?, sources: [any DispatchSourceSignal])
    >(
        (false, nil, []))

    /// Stops SIGINT and SIGTERM from ending the process and starts listening for them.
    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            state.withLock { $0.sources.append(source) }
        }
    }

    /// Returns once SIGINT or SIGTERM has arrived (at once if one already did).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.fired { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    private func fire() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.fired = true
            for source in state.sources { source.cancel() }
            state.sources = []
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
