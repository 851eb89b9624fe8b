import ArgumentParser

/// A command that writes through injected streams and returns its exit code, so tests can run
/// it in-process and read what it printed.
public protocol StreamCommand: ParsableCommand {
    /// Does the work, writing to `io`, and returns the exit code.
    func execute(_ io: CommandIO) -> WardenExitCode
}

extension StreamCommand {
    /// Runs with the process's standard streams and exits with the command's exit code.
    public func runWithStandardStreams() throws {
        let code = execute(.standard)
        if code != .success { throw code.exitCode }
    }
}
