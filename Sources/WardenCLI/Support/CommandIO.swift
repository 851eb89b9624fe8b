/// The streams a command reads and writes, injected so commands run in-process in tests.
public struct CommandIO: Sendable {
    /// Results: decisions, diagnostics of `validate`/`lint`, test reports, help.
    public var output: any TextOutput
    /// Problems that keep a command from doing its work, and usage errors.
    public var errors: any TextOutput
    /// What `-` reads (e.g. `warden eval --requests -`).
    public var input: any LineInput

    /// Creates streams.
    public init(output: any TextOutput, errors: any TextOutput, input: any LineInput) {
        self.output = output
        self.errors = errors
        self.input = input
    }

    /// The process's standard output, standard error and standard input.
    public static var standard: CommandIO {
        CommandIO(
            output: FileHandleOutput.standardOutput, errors: FileHandleOutput.standardError,
            input: StandardInputLines())
    }
}
