import ArgumentParser
import WardenPolicy

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
    public func run() throws { try runWithStandardStreams() }

    /// Loads the paths and prints every diagnostic; 0 when there is no error, 3 otherwise.
    public func execute(_ io: CommandIO) -> WardenExitCode {
        let result = PolicyLoader().load(paths: input.paths)
        let diagnostics = result.diagnostics.sortedByMark()
        switch input.format {
        case .json:
            io.output.line(JSONObject.array(diagnostics.map(DiagnosticRendering.json)))
        case .text:
            DiagnosticRendering.write(diagnostics, to: io.output)
            let summary = [
                DiagnosticRendering.count(PolicyFileCount.files(in: input.paths), "file"),
                DiagnosticRendering.count(result.definitions.count, "policy", "policies"),
                DiagnosticRendering.count(result.errors.count, "error"),
                DiagnosticRendering.count(result.warnings.count, "warning"),
            ]
            io.output.line(summary.joined(separator: ", "))
        }
        return result.errors.isEmpty ? .success : .invalidInput
    }
}
