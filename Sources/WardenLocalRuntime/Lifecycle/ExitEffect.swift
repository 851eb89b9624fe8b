import WardenRuntime

/// What the runtime must do after processes exit; the table decides, the runtime performs.
enum ExitEffect<Handle> {
    /// Deliver `event` to a live process.
    case notify(Handle, ProcessEvent)
    /// The process ended with `result`: close its channels, cancel its task, resolve waiters.
    case stopped(Handle, PID, ExitResult)
}

/// What follows when a process body unwinds.
enum BodyOutcome<Handle> {
    /// Run the scheduled code in the same process.
    case upgrade(PendingUpgrade)
    /// The process exited; perform the effects.
    case exit([ExitEffect<Handle>])
}
