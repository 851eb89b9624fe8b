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
        subcommands: [CheckCommand.self, DemoCommand.self]
    )

    /// Creates the root command.
    public init() {}
}

/// Runs the `warden` command tree with the process arguments and exits with its exit code.
///
/// Invalid input, whether found by the argument parser or by a command, exits with status 3.
public func runWarden(_ arguments: [String]? = nil) async {
    do {
        var command = try WardenCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch let error as CLIError {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        exit(3)
    } catch {
        let code = WardenCommand.exitCode(for: error)
        if code == .validationFailure {
            FileHandle.standardError.write(Data((WardenCommand.fullMessage(for: error) + "\n").utf8))
            exit(3)
        }
        WardenCommand.exit(withError: error)
    }
}
