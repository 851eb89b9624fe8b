import Dispatch
import Foundation
import Synchronization

/// Waits for SIGINT or SIGTERM, which then no longer end the process: shutdown runs in order.
enum SignalWait {
    /// Returns when the process receives SIGINT or SIGTERM.
    static func untilInterrupted() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation once, and keeps the signal sources alive until then.
private final class ResumeOnce: Sendable {
    private let state: Mutex<(CheckedContinuation<Void, Never>?, [any DispatchSourceSignal])>

    init(_ continuation: CheckedContinuation<Void, Never>) { state = Mutex((continuation, [])) }

    func keep(_ source: any DispatchSourceSignal) { state.withLock { $0.1.append(source) } }

    func resume() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            defer { state.0 = nil; for source in state.1 { source.cancel() }; state.1 = [] }
            return state.0
        }
        continuation?.resume()
    }
}
