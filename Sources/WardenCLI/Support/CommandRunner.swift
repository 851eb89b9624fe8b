import ArgumentParser
import Foundation
import WardenValue

/// Parses and runs the `warden` command tree with injected streams, mapping every outcome to
/// the exit codes of ``WardenExitCode``.
///
/// ArgumentParser reports usage errors (an unknown flag, a missing option, a value that does not
/// parse, a failed `validate()`) with exit code 64; Warden maps them to 3 (invalid input). Help
/// goes to the output stream with exit code 0; every other message to the error stream.
public enum CommandRunner {
    /// Runs `arguments` (without the program name) and returns the exit code.
    public static func run<Root: ParsableCommand>(
        _ root: Root.Type, arguments: [String], io: CommandIO
    ) async -> Int32 {
        do {
            var command = try root.parseAsRoot(arguments)
            if let command = command as? any StreamCommand {
                return await execute(command, io: io).rawValue
            }
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return WardenExitCode.success.rawValue
        } catch {
            return report(error, root, io, arguments: arguments)
        }
    }

    /// Runs a parsed command with `io`: its exit code, or the code of the ``CommandFailure`` it
    /// threw after printing the failure on the error stream (another error is reported as
    /// ArgumentParser reports it).
    public static func execute(_ command: some StreamCommand, io: CommandIO) async -> WardenExitCode {
        do {
            return try await command.execute(io)
        } catch {
            return WardenExitCode(rawValue: report(error, WardenCommand.self, io))
        }
    }

    /// Writes the message for `error` and returns its exit code, usage errors mapped to 3.
    /// Arguments longer than ``UserText/maxCharacters`` that the message repeats (ArgumentParser
    /// quotes a value it cannot use in full) are cut to that length.
    static func report<Root: ParsableCommand>(
        _ error: any Error, _ root: Root.Type, _ io: CommandIO, arguments: [String] = []
    ) -> Int32 {
        if let failure = error as? CommandFailure {
            io.errors.line(failure.description)
            return failure.code.rawValue
        }
        let code = root.exitCode(for: error)
        let message = shortening(root.fullMessage(for: error, columns: nil), arguments: arguments)
        if code == .success {
            if !message.isEmpty { io.output.line(message) }
            return code.rawValue
        }
        if !message.isEmpty { io.errors.line(message) }
        return code == .validationFailure ? WardenExitCode.invalidInput.rawValue : code.rawValue
    }

    /// `message` with every long argument it quotes cut to its first characters.
    static func shortening(_ message: String, arguments: [String]) -> String {
        var message = message
        for argument in Set(arguments) where argument.count > UserText.maxCharacters && message.contains(argument) {
            message = message.replacingOccurrences(of: argument, with: UserText.excerpt(argument))
        }
        return message
    }
}
