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

/// A ``StreamCommand`` whose work is asynchronous (it runs processes).
public protocol AsyncStreamCommand: AsyncParsableCommand {
    /// Does the work, writing to `io`, and returns the exit code.
    func execute(_ io: CommandIO) async -> WardenExitCode
}

extension AsyncStreamCommand {
    /// Runs with the process's standard streams and exits with the command's exit code.
    public func runWithStandardStreams() async throws {
        let code = await execute(.standard)
        if code != .success { throw code.exitCode }
    }
}
