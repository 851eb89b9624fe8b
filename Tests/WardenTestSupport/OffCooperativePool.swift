import Foundation

/// Runs blocking work (waiting for a child process, reading a pipe to its end, polling with a
/// sleep) on a thread of its own and suspends the calling task until it is done.
///
/// Swift's cooperative pool has as many threads as the machine has cores (two on CI). A test that
/// blocks one of them while a child process starts or stops takes that thread from every other
/// test running beside it; two such tests stall the whole run, and tests with short time limits
/// fail for want of a thread (what the sanitizer runs showed, where children start slowly).
/// Blocking calls in tests go through here instead.
public func offCooperativePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}

/// The non-throwing form of ``offCooperativePool(_:)-(()->T)``.
public func offCooperativePool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}

extension Process {
    /// Waits for the process to exit without holding a thread of the cooperative pool; returns
    /// its exit status.
    @discardableResult
    public func exitStatus() async -> Int32 {
        await offCooperativePool { [self] in
            waitUntilExit()
            return terminationStatus
        }
    }
}
