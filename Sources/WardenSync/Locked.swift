import Synchronization

/// A `Mutex` whose critical sections also publish through an atomic, so ThreadSanitizer sees
/// the ordering the lock provides.
///
/// On Linux, `Synchronization.Mutex` locks with futexes inside the standard library, which
/// ThreadSanitizer does not observe: every access under the lock is reported as a race. An
/// acquiring load on entry and a releasing store on exit, compiled into our own (instrumented)
/// code, give ThreadSanitizer the happens-before edge. On x86-64 both are plain moves, so the
/// price outside sanitizer builds is nil.
@usableFromInline
package struct Locked<State: ~Copyable>: ~Copyable, Sendable {
    @usableFromInline let mutex: Mutex<State>
    @usableFromInline let fence = Atomic<UInt8>(0)

    /// Creates the lock around `initial`.
    @inlinable
    package init(_ initial: consuming sending State) {
        mutex = Mutex(initial)
    }

    /// Runs `body` with exclusive access to the state.
    @inlinable
    package borrowing func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending State) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        try mutex.withLock { (state: inout sending State) throws(E) -> sending Result in
            _ = fence.load(ordering: .acquiring)
            defer { fence.store(0, ordering: .releasing) }
            return try body(&state)
        }
    }
}
