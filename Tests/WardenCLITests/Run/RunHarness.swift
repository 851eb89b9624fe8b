import Foundation

@testable import WardenCLI

/// Runs `warden run` in-process and writes small registry trees for the tests.
enum RunHarness {
    /// The example application `examples/lua-app`.
    static var exampleApp: String { PolicyCLI.root.appendingPathComponent("examples/lua-app").path }

    /// Parses `arguments` as `warden run` and runs it; load problems come back as exit status 3
    /// with their text on the error stream, like the command tree reports them.
    /// Without `-x` or `--test`, the run lasts until the error stream's text satisfies `until`
    /// (in place of SIGINT). `input` is what the terminal host's `io.readline()` reads.
    static func run(_ arguments: [String], input: String = "", until: (@Sendable (String) -> Bool)? = nil) async throws
        -> PolicyCLIResult
    {
        let output = BufferedOutput()
        let errors = BufferedOutput()
        let io = CommandIO(output: output, errors: errors, input: BufferedLineInput(input))
        let command = try RunCommand.parse(arguments)
        let code: Int32
        do {
            code = try await command.execute(io: io) {
                // A condition that never comes true ends the run after 30 s, so the test fails
                // on its expectations instead of hanging.
                let deadline = ContinuousClock.now + .seconds(30)
                while let until, !until(errors.text), ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
        } catch let error as CommandFailure {
            errors.line(error.description)
            code = error.code.rawValue
        }
        return PolicyCLIResult(code: code, output: output.text, errors: errors.text)
    }

    /// Writes `files` (relative path to text) into a fresh directory and returns its path.
    static func tree(_ files: [String: String]) throws -> String {
        let directory = try PolicyCLI.temporaryDirectory()
        for (path, text) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }
}
