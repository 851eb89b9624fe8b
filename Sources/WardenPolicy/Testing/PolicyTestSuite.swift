import Foundation
import WardenYAML

/// A `warden test` file: shared policies (inline and files), a namespace, and test cases.
///
/// ```yaml
/// namespace: t                     # namespace of inline policies and bare ids
/// strict: true                     # optional default for the cases (see `PolicyTestRunner`)
/// files: [../policies]             # policy files/directories, relative to this file
/// policies: [ {name: ..., kind: security.policy, policy: {...}} ]
/// tests:
///   - name: admins may read
///     policies: [...]              # optional, added to the shared ones for this case
///     actor: {id: u1, meta: {role: admin}}
///     scope: [admin_policy]        # or {policies: [...], groups: [...]}; default: all
///     groups: [admin]
///     action: document.read
///     resource: document:1
///     meta: {owner: u1}
///     expect: allow                # allow | deny | undefined | load_error
///     policies_expected: [admin_policy]
///     note: free text
///     strict: false                # optional, overrides the file's and the runner's default
/// ```
public struct PolicyTestSuite: Sendable {
    /// The test file's path (or label).
    public var file: String
    /// The namespace of inline policies and of bare ids in scopes.
    public var namespace: String
    /// Shared inline policies and the policies of `files`, read (not compiled).
    public var policies: PolicyReading
    /// The cases, in file order.
    public var tests: [PolicyTestCase]
    /// The file's strict mode for cases that set none; `nil` leaves it to the runner.
    public var strict: Bool?

    /// Creates a suite.
    public init(
        file: String, namespace: String, policies: PolicyReading, tests: [PolicyTestCase], strict: Bool? = nil
    ) {
        self.file = file
        self.namespace = namespace
        self.policies = policies
        self.tests = tests
        self.strict = strict
    }

    /// Reads a test file. Problems with the file's own format are diagnostics with marks; the
    /// suite is `nil` when there is any. Problems in its policies are kept for the runner.
    public static func load(
        path: String, loader: PolicyLoader = PolicyLoader()
    ) -> (suite: PolicyTestSuite?, diagnostics: [PolicyDiagnostic]) {
        do {
            let documents = try YAMLParser(limits: loader.limits).parseFile(at: path)
            let text = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            let base = (path as NSString).deletingLastPathComponent
            return read(documents, file: path, text: text, baseDirectory: base, loader: loader)
        } catch {
            return (nil, [PolicyDiagnostic(yaml: error)])
        }
    }

    /// Reads a test file's text; `files` paths are relative to `baseDirectory`.
    public static func load(
        yaml text: String, file: String = "<text>", baseDirectory: String = ".",
        loader: PolicyLoader = PolicyLoader()
    ) -> (suite: PolicyTestSuite?, diagnostics: [PolicyDiagnostic]) {
        do {
            let documents = try YAMLParser(limits: loader.limits).parse(text: text, file: file)
            return read(documents, file: file, text: text, baseDirectory: baseDirectory, loader: loader)
        } catch {
            return (nil, [PolicyDiagnostic(yaml: error)])
        }
    }

    private static func read(
        _ documents: [YAMLNode], file: String, text: String?, baseDirectory: String, loader: PolicyLoader
    ) -> (suite: PolicyTestSuite?, diagnostics: [PolicyDiagnostic]) {
        guard documents.count == 1, let document = documents.first else {
            let message = documents.isEmpty ? "the test file is empty" : "a test file holds one YAML document"
            return (
                nil,
                [
                    .error(
                        .invalidTestFile, at: Mark(file: file, line: 1, column: 1), message,
                        hint: "write `namespace:`, `policies:` or `files:`, and `tests:`")
                ]
            )
        }
        var reader = PolicyTestSuiteReader(file: file, text: text, baseDirectory: baseDirectory, loader: loader)
        let suite = reader.read(document)
        return (reader.diagnostics.containsErrors ? nil : suite, reader.diagnostics)
    }
}
