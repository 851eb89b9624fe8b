/// A root process started from outside the runtime: its PID and a way to await its exit.
public struct ProcessHandle: Sendable {
    /// The process id.
    public let pid: PID
    private let exit: ExitFuture

    /// Creates a handle whose result comes from `exit`.
    public init(pid: PID, exit: ExitFuture) {
        self.pid = pid
        self.exit = exit
    }

    /// Waits for the process to exit and returns how it ended; throws `CancellationError` if
    /// the waiting task is cancelled first.
    public func result() async throws(CancellationError) -> ExitResult {
        try await exit.value()
    }
}
