import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The streams a command reads and writes, injected so commands run in-process in tests.
public struct CommandIO: Sendable {
    /// Results: decisions, diagnostics of `validate`/`lint`, test reports, records, help.
    public var output: any TextOutput
    /// Problems that keep a command from doing its work, and usage errors.
    public var errors: any TextOutput
    /// What `-` reads (e.g. `warden eval --requests -`).
    public var input: any LineInput
    /// Whether the output is a terminal (audit commands choose their default format by it).
    public var outputIsTerminal: Bool
    /// The directory where the default policy directory `policies/` is looked for.
    public var workingDirectory: String

    /// Creates streams.
    public init(
        output: any TextOutput, errors: any TextOutput, input: any LineInput, outputIsTerminal: Bool = false,
        workingDirectory: String = "."
    ) {
        self.output = output
        self.errors = errors
        self.input = input
        self.outputIsTerminal = outputIsTerminal
        self.workingDirectory = workingDirectory
    }

    /// The process's standard output, standard error and standard input.
    public static var standard: CommandIO {
        CommandIO(
            output: FileHandleOutput.standardOutput, errors: FileHandleOutput.standardError,
            input: StandardInputLines(), outputIsTerminal: isatty(STDOUT_FILENO) == 1)
    }
}
