import WardenSync
import WardenValue

/// A one-shot slot for a process's exit result that any number of tasks can await.
public final class ExitFuture: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: UnsafeContinuation<ExitResult?, Never>
    }

    private struct State {
        var result: ExitResult?
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = Locked(State())

    /// Creates an unresolved future.
    public init() {}

    /// The result if the process has exited.
    public var result: ExitResult? { state.withLock { $0.result } }

    /// Stores the result and wakes every waiter; later calls are ignored. Returns whether this
    /// call resolved the future.
    @discardableResult
    public func resolve(_ result: ExitResult) -> Bool {
        let waiters = state.withLock { s -> [Waiter]? in
            guard s.result == nil else { return nil }
            s.result = result
            let waiting = s.waiters
            s.waiters = []
            return waiting
        }
        guard let waiters else { return false }
        for waiter in waiters { waiter.continuation.resume(returning: result) }
        return true
    }

    /// Waits for the result; throws `CancellationError` when the waiting task is cancelled first.
    public func value() async throws(CancellationError) -> ExitResult {
        if let done = result { return done }
        let id = state.withLock { s -> UInt64 in
            s.nextID &+= 1
            return s.nextID
        }
        let outcome = await withTaskCancellationHandler {
            await withUnsafeContinuation { (continuation: UnsafeContinuation<ExitResult?, Never>) in
                let immediate: ExitResult?? = state.withLock { s in
                    if let done = s.result { return .some(done) }
                    if Task.isCancelled { return .some(nil) }
                    s.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let continuation = state.withLock { s -> UnsafeContinuation<ExitResult?, Never>? in
                guard let index = s.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return s.waiters.remove(at: index).continuation
            }
            continuation?.resume(returning: nil)
        }
        guard let outcome else { throw CancellationError() }
        return outcome
    }
}
