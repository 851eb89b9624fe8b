import Foundation
import WardenPolicy

/// The conformance vectors (`policy-vectors.yaml`) cut into one policy file per vector, for
/// running each through `warden eval` and `POST /v1/decide`.
enum ServiceVectors {
    /// One vector: its case as the library reads it, and its policies as a policy file.
    struct Vector: CustomStringConvertible, Sendable {
        /// The case (request and expectation).
        var test: PolicyTestCase
        /// `namespace: t` and `entries:` holding the vector's `policies:` lines verbatim.
        var policyFile: String

        var description: String { test.name }
    }

    /// The fixture file.
    static var path: String { ServiceClient.root.appendingPathComponent("Tests/WardenPolicyTests/Fixtures/policy-vectors.yaml").path }

    /// The fixture's text.
    static func text() throws -> String {
        try String(contentsOfFile: ServiceVectors.path, encoding: .utf8)
    }

    /// The number of cases, counted in the text: lines starting a test item (`- name:`).
    static func countInText() throws -> Int {
        try text().split(separator: "\n").filter { $0.hasPrefix("- name:") }.count
    }

    /// Every vector, in file order.
    static func all() throws -> [Vector] {
        let (suite, diagnostics) = PolicyTestSuite.load(path: ServiceVectors.path)
        guard let suite else { throw LoadFailure(diagnostics: diagnostics.map(\.description)) }
        let blocks = policyBlocks(try text())
        return suite.tests.map { test in
            Vector(test: test, policyFile: "namespace: t\nentries:\n" + (blocks[test.name] ?? []).joined(separator: "\n") + "\n")
        }
    }

    /// The fixture did not load.
    struct LoadFailure: Error {
        var diagnostics: [String]
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
            let isKey = line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  - ")
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
