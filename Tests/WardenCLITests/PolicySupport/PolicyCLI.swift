import Foundation
import WardenCLI

/// Runs `warden` in-process and as the built binary, and knows where the repository's files are.
enum PolicyCLI {
    /// The repository root (this file is `Tests/WardenCLITests/PolicySupport/PolicyCLI.swift`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The example policy tree `policies/`.
    static var policies: String { root.appendingPathComponent("policies").path }

    /// The conformance vectors in the `warden test` format.
    static var vectors: String {
        root.appendingPathComponent("Tests/WardenPolicyTests/Fixtures/policy-vectors.yaml").path
    }

    /// Parses and runs `arguments` in-process, with `input` as standard input and the default
    /// `policies/` looked for in `workingDirectory`.
    static func run(_ arguments: [String], input: String = "", workingDirectory: String = ".") async -> PolicyCLIResult
    {
        let output = BufferedOutput()
        let errors = BufferedOutput()
        let io = CommandIO(
            output: output, errors: errors, input: BufferedLineInput(input), workingDirectory: workingDirectory)
        let code = await CommandRunner.run(WardenCommand.self, arguments: arguments, io: io)
        return PolicyCLIResult(code: code, output: output.text, errors: errors.text)
    }

    /// A fresh temporary directory; the caller removes it with ``remove(_:)``.
    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("warden-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Removes a temporary directory.
    static func remove(_ directory: String) {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a fresh temporary directory, removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
        let directory = try temporaryDirectory()
        defer { remove(directory) }
        return try await body(directory)
    }

    /// Writes `text` to `name` inside `directory` and returns the file's path.
    @discardableResult
    static func write(_ text: String, to name: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
