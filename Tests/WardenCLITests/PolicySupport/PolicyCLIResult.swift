/// What one `warden` run produced (in-process or as a child process).
struct PolicyCLIResult {
    /// The exit code.
    var code: Int32
    /// Standard output.
    var output: String
    /// Standard error.
    var errors: String

    /// Standard output split into lines (no trailing empty line).
    var outputLines: [String] { Self.lines(output) }

    /// Standard error split into lines (no trailing empty line).
    var errorLines: [String] { Self.lines(errors) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
