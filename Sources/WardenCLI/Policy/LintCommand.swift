import ArgumentParser
import WardenPolicy
import WardenValue

/// `warden lint PATH...`: warns about policies that load but may not mean what their author thinks.
public struct LintCommand: StreamCommand {
    /// Describes the command for `warden help lint`.
    public static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Warn about policies that load but may not mean what their author thinks.",
        discussion: """
            Loads the policies like `warden validate` and then reports warnings:
              wildcard-inside-pattern  a `*` inside a pattern (`*.read`, `a*b`): a wildcard in \
            Warden, a literal character in the reference runtime
              dot-star-prefix          a pattern ending in `.*` (`process.spawn.*`): Warden \
            matches `process.spawn` and `process.spawn.<anything>`, the reference runtime any text \
            starting with `process.spawn` (such as `process.spawner`)
              shadowed-allow           an allow policy that a condition-free deny covers entirely
              duplicate-pattern        the same pattern twice in one actions/resources list
            plus the loader's own warnings (such as unknown top-level keys).

            Exit codes: 0 no warnings, 1 warnings, 3 the policies do not load (the errors are \
            printed instead).

            Examples:
              warden lint policies
              warden lint policies/security --format json
            """
    )

    /// The policy paths and the output format.
    @OptionGroup public var input: PolicyPathOptions

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Runs with the process's standard streams.
    public func run() async throws { try await runWithStandardStreams() }

    /// Loads and lints; 0 without warnings, 1 with warnings, 3 when the policies do not load.
    public func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let result = try input.load(io)
        let diagnostics: [PolicyDiagnostic]
        let code: WardenExitCode
        if let set = result.policySet {
            diagnostics = (result.warnings + PolicyLinter().lint(set)).sortedByMark()
            code = diagnostics.isEmpty ? .success : .failure
        } else {
            diagnostics = result.diagnostics.sortedByMark()
            code = .invalidInput
        }
        switch input.format {
        case .json:
            io.output.line(JSONObject.array(diagnostics.map(DiagnosticRendering.json)))
        case .text:
            DiagnosticRendering.write(diagnostics, to: io.output)
            if code == .invalidInput {
                io.output.line(
                    "\(DiagnosticRendering.count(result.errors.count, "error")): the policies do not load, nothing was linted"
                )
            } else {
                io.output.line(DiagnosticRendering.count(diagnostics.count, "warning"))
            }
        }
        return code
    }
}
