import ArgumentParser

/// An audit subcommand: its work, separated from process I/O so tests can run it in-process.
protocol AuditSubcommand: AsyncParsableCommand {
    /// Runs the command, writing to `io`; returns the exit code.
    func execute(_ io: AuditIO) async throws(AuditCLIError) -> Int32
}

extension AuditSubcommand {
    /// Runs the command against standard output and exits with its code.
    func runStandard() async throws {
        let io = AuditIO.standard()
        let code: Int32
        do {
            code = try await execute(io)
        } catch {
            io.flush()
            io.err("error: \(error.message)")
            throw ExitCode(error.code)
        }
        io.flush()
        if code != 0 { throw ExitCode(code) }
    }
}
