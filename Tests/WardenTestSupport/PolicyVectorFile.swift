import Foundation
import WardenPolicy

/// A conformance vector file (`policy-vectors.yaml`) cut into one policy file per vector, for
/// running each through a front end (`warden eval`, `POST /v1/decide`).
public struct PolicyVectorFile: Sendable {
    /// The fixture file.
    public let path: String

    /// The vectors of the file at `path`.
    public init(path: String) {
        self.path = path
    }

    /// One vector: its case as the library reads it, and its policies as a policy file.
    public struct Vector: CustomStringConvertible, Sendable {
        /// The case (request and expectation).
        public var test: PolicyTestCase
        /// `namespace: t` and `entries:` holding the vector's `policies:` lines verbatim.
        public var policyFile: String

        /// The case's name.
        public var description: String { test.name }
    }

    /// The fixture's text.
    public func text() throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The number of cases, counted in the text: lines starting a test item (`- name:`).
    public func countInText() throws -> Int {
        try text().split(separator: "\n").filter { $0.hasPrefix("- name:") }.count
    }

    /// Every vector, in file order.
    public func all() throws -> [Vector] {
        let (suite, diagnostics) = PolicyTestSuite.load(path: path)
        guard let suite else { throw LoadFailure(diagnostics: diagnostics.map(\.description)) }
        let blocks = Self.policyBlocks(try text())
        return suite.tests.map { test in
            Vector(
                test: test,
                policyFile: "namespace: t\nentries:\n" + (blocks[test.name] ?? []).joined(separator: "\n") + "\n")
        }
    }

    /// The fixture did not load.
    public struct LoadFailure: Error {
        /// The loader's diagnostics.
        public var diagnostics: [String]
    }

    /// For each test name, the lines of its `policies:` value. The fixture is block YAML: a
    /// test starts with `- name:` at column 1, its keys sit at indent 2, and the policies'
    /// lines are indented deeper (or start with `  - `) until the next key at indent 2.
    static func policyBlocks(_ text: String) -> [String: [String]] {
        var blocks: [String: [String]] = [:]
        var name: String?
        var inPolicies = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("- name:") {
                name = unquote(String(line.dropFirst("- name:".count)))
                inPolicies = false
                continue
            }
            guard let current = name else { continue }
            let isKey =
                line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  - ")
                && line.dropFirst(2).first?.isLetter == true
            if isKey {
                inPolicies = line.hasPrefix("  policies:")
                if inPolicies { blocks[current, default: []] += [] }
                continue
            }
            if inPolicies { blocks[current, default: []].append(line) }
        }
        return blocks
    }

    private static func unquote(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, let first = text.first, first == "'" || first == "\"", text.last == first {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }
}
