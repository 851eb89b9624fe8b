import ArgumentParser
import Foundation

/// The `warden` command tree.
public struct WardenCommand: AsyncParsableCommand {
    /// Describes the command and lists its subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "warden",
        abstract: "A policy-enforcing gateway for the process API.",
        discussion: """
            Exit status: 0 success or allowed, 1 failure, 2 denied or undefined, 3 invalid input \
            (policy load errors, bad arguments).
            """,
        version: WardenVersion.current,
        subcommands: [
            ValidateCommand.self, EvalCommand.self, TestCommand.self, LintCommand.self, CheckCommand.self,
            DemoCommand.self, RunCommand.self, ServeCommand.self, AuditCommand.self, BenchCommand.self,
        ]
    )

    /// Creates the root command.
    public init() {}
}

/// Runs the `warden` command tree with the process arguments and exits with its exit code.
public func runWarden() async {
    if let problem = ArgumentEncoding.problem(in: ArgumentEncoding.processArguments) {
        FileHandleOutput.standardError.line(problem)
        WardenCommand.exit(withError: ExitCode(WardenExitCode.invalidInput.rawValue))
    }
    let arguments = Array(CommandLine.arguments.dropFirst())
    let code = await CommandRunner.run(WardenCommand.self, arguments: arguments, io: .standard)
    WardenCommand.exit(withError: ExitCode(code))
}
