import ArgumentParser
import WardenPolicy
import WardenValue

/// `warden validate PATH...`: loads policy files and reports every problem with its location.
public struct ValidateCommand: StreamCommand {
    /// Describes the command for `warden help validate`.
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policy files and report every problem with its location.",
        discussion: """
            Reads the files and directories given (directories recursively, `*.yaml` and `*.yml`, \
            in sorted path order; entries of other kinds are ignored), validates and compiles every \
            `security.policy` and `security.policy.expr` entry, and prints every diagnostic as \
            `file:line:col: severity[code]: message` with a hint line, then a summary line.

            Symbolic links are followed (a link back into the tree is reported as a loop and not \
            followed); anything in a directory that is neither a regular file nor a directory (a \
            FIFO, a socket) is skipped with a warning. A path given explicitly is read whatever it \
            is, so `warden validate <(generate-policies)` works. Finding no policy file at all is \
            an error unless --allow-empty.

            The summary counts the files read, the policies without an error, the policies that \
            failed to load (when there are any), the errors and the warnings.

            Exit codes: 0 when there is no error (warnings allowed), 3 when there is an error.

            Examples:
              warden validate policies
              warden validate policies/security/tenants.yaml --format json
            """
    )

    /// The policy paths and the output format.
    @OptionGroup public var input: PolicyPathOptions

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Runs with the process's standard streams.
    public func run() async throws { try await runWithStandardStreams() }

    /// Loads the paths and prints every diagnostic; 0 when there is no error, 3 otherwise.
    public func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let result = try input.load(io)
        let diagnostics = result.diagnostics.sortedByMark()
        switch input.format {
        case .json:
            io.output.line(JSONObject.array(diagnostics.map(DiagnosticRendering.json)))
        case .text:
            DiagnosticRendering.write(diagnostics, to: io.output)
            io.output.line(Self.summary(result))
        }
        return result.errors.isEmpty ? .success : .invalidInput
    }

    /// `2 files, 5 policies, 1 policy failed to load, 1 error, 0 warnings`: the files read, the
    /// policies without an error, the policies with one (when there are any) and the diagnostics.
    static func summary(_ result: PolicyLoadResult) -> String {
        var parts = [
            DiagnosticRendering.count(result.files.count, "file"),
            DiagnosticRendering.count(result.validPolicyCount, "policy", "policies"),
        ]
        if result.failedPolicyCount > 0 {
            parts.append(DiagnosticRendering.count(result.failedPolicyCount, "policy", "policies") + " failed to load")
        }
        parts.append(DiagnosticRendering.count(result.errors.count, "error"))
        parts.append(DiagnosticRendering.count(result.warnings.count, "warning"))
        return parts.joined(separator: ", ")
    }
}
