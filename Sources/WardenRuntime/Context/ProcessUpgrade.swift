/// Thrown by ``ProcessContext/upgrade(to:args:)`` to unwind the current body; the runtime
/// catches it and starts the new code. Rethrow it if you catch it.
public struct ProcessUpgrade: Error, Sendable, Hashable {
    /// Creates the signal.
    public init() {}
}
