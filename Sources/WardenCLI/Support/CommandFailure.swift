import WardenPolicy

/// Why a command stopped: the one error every `warden` command throws. The runner prints it on
/// the error stream (`details` first, then `error: message`) and exits with its ``code``.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, lowercase, with a hint where one helps.
    public var message: String
    /// Lines printed before the message, such as the diagnostics of policies that do not load.
    public var details: [String]
    /// The exit code.
    public var code: WardenExitCode

    /// Creates a failure.
    public init(_ message: String, details: [String] = [], code: WardenExitCode) {
        self.message = message
        self.details = details
        self.code = code
    }

    /// Invalid input (exit 3): bad arguments, a file that does not parse, an unknown scope.
    public static func invalid(_ message: String) -> CommandFailure {
        CommandFailure(message, code: .invalidInput)
    }

    /// The command ran and failed (exit 1): a broken audit chain, an unreadable log.
    public static func failed(_ message: String) -> CommandFailure {
        CommandFailure(message, code: .failure)
    }

    /// Policies that do not load (exit 3): every diagnostic (errors and the warnings beside
    /// them) in position order, then `error: the policies did not load (N errors)`. Every
    /// command that loads policies reports a load failure this way.
    public static func policiesDidNotLoad(_ diagnostics: [PolicyDiagnostic], what: String = "the policies")
        -> CommandFailure
    {
        let sorted = diagnostics.sortedByMark()
        let errors = sorted.filter(\.isError).count
        return CommandFailure(
            "\(what) did not load (\(DiagnosticRendering.count(errors, "error")))",
            details: sorted.map(DiagnosticRendering.text), code: .invalidInput)
    }

    /// The details and `error: message`, one per line.
    public var description: String {
        (details + ["error: \(message)"]).joined(separator: "\n")
    }
}
