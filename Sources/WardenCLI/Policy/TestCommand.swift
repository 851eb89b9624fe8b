import ArgumentParser
import WardenPolicy

/// `warden test FILE...`: runs policy test files and reports failures with expected vs actual.
public struct TestCommand: StreamCommand {
    /// Describes the command for `warden help test`.
    public static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run policy test files and report each failure with expected vs actual.",
        discussion: """
            A test file holds a `namespace`, shared `policies` (registry entries) and/or `files` \
            (policy files or directories, relative to the test file), and `tests`, each with an \
            optional `actor` ({id, meta}), `scope`/`groups`, `action`, `resource`, `meta`, \
            `expect` (allow, deny, undefined or load_error), optional `policies_expected`, \
            `policies` of its own, a `note` and `strict`. Cases are evaluated in the scope given \
            or against every policy, with the policy semantics only, unless a strict mode is set: \
            a case's `strict: true|false` overrides the file's `strict:`, which overrides \
            --strict / --no-strict. With strict mode on, a request without an actor is denied; \
            with it off, allowed; either way without evaluating policies (as the gateway does).

            Every failure is printed with the expected and the actual decision and determining \
            policies; the last line is `N passed, N failed`.

            Exit codes: 0 every case passed, 1 some case failed, 3 a test file cannot be loaded \
            (its problems are printed; the other files still run).

            Examples:
              warden test policies/tests.yaml
              warden test --coverage --verbose tests/*.yaml
            """
    )

    /// The test files to run.
    @Argument(help: "Test files (YAML).")
    public var files: [String]

    /// Whether to list the policies that never decided a case.
    @Flag(help: "List the policies that never determined a decision in the suite.")
    public var coverage = false

    /// Whether to list every case.
    @Flag(help: "List every case, passed ones too.")
    public var verbose = false

    /// The strict mode of cases whose test and file set none; `nil` for the policy semantics only.
    @Flag(
        inversion: .prefixedNo,
        help: "Strict mode for cases and files that set no `strict` (default: policy semantics only).")
    public var strict: Bool?

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Requires at least one file.
    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one test file") }
    }

    /// Runs with the process's standard streams.
    public func run() async throws { try await runWithStandardStreams() }

    /// Runs every file; 0 when all cases pass, 1 on a failure, 3 when a file does not load.
    public func execute(_ io: CommandIO) async -> WardenExitCode {
        var code = WardenExitCode.success
        var passed = 0
        var failed = 0
        for file in files {
            let (suite, diagnostics) = PolicyTestSuite.load(path: file)
            guard let suite else {
                DiagnosticRendering.write(diagnostics, to: io.errors)
                io.errors.line("error: test file `\(file)` cannot be loaded; its cases did not run")
                code = code.worst(.invalidInput)
                continue
            }
            DiagnosticRendering.write(diagnostics, to: io.errors)
            let report = PolicyTestRunner(strict: strict).run(suite)
            for result in report.results {
                if !result.passed {
                    for line in TestReportRendering.failure(result) { io.output.line(line) }
                } else if verbose {
                    io.output.line("PASS \(result.mark): \(result.name)")
                }
            }
            if coverage {
                for line in TestReportRendering.coverage(report, file: file) { io.output.line(line) }
            }
            passed += report.passedCount
            failed += report.failedCount
            if !report.allPassed { code = code.worst(.failure) }
        }
        io.output.line("\(passed) passed, \(failed) failed")
        return code
    }
}
