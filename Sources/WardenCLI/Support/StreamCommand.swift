import ArgumentParser

/// The one shape of a `warden` command: it writes through injected streams (``CommandIO``) and
/// returns a ``WardenExitCode``, or throws a ``CommandFailure`` that the runner prints on the
/// error stream before exiting with its code. Tests run every command in-process this way.
public protocol StreamCommand: AsyncParsableCommand {
    /// Does the work, writing to `io`, and returns the exit code.
    /// - Throws: ``CommandFailure`` (printed, exit with its code); any other error is reported
    ///   as ArgumentParser reports it.
    func execute(_ io: CommandIO) async throws -> WardenExitCode
}

extension StreamCommand {
    /// Runs with the process's standard streams and exits with the command's exit code.
    public func runWithStandardStreams() async throws {
        let code = await CommandRunner.execute(self, io: .standard)
        if code != .success { throw code.exitCode }
    }
}
