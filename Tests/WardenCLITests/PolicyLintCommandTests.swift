import Foundation
import Testing
import WardenValue

@Suite("warden lint", .timeLimit(.minutes(5)))
struct PolicyLintCommandTests {
    /// The 1-based line of the first line of `file` containing `text`.
    static func line(of text: String, in file: String, after: Int = 0) throws -> Int {
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.indices.first { $0 >= after && lines[$0].contains(text) })
        return index + 1
    }

    @Test func exampleTreeWarnsOnEveryDotStarPattern() async throws {
        // The `.*` patterns of policies/: supervisors.yaml `process.spawn.*`, `process.registry.*`,
        // `app.*`; tenants.yaml `process.spawn.*`. No `*` sits inside a pattern, no deny is
        // condition-free, no pattern repeats.
        let supervisors = PolicyCLI.policies + "/security/supervisors.yaml"
        let tenants = PolicyCLI.policies + "/security/tenants.yaml"
        let result = await PolicyCLI.run(["lint", "--format", "json", PolicyCLI.policies])
        #expect(result.code == 1)
        let warnings = try #require(try Value(json: result.output).listValue)
        let found = warnings.compactMap { warning -> String? in
            guard let file = warning["file"]?.stringValue, let line = warning["line"],
                let code = warning["code"]?.stringValue
            else { return nil }
            return "\(file):\(line):\(code)"
        }
        let expected = [
            "\(supervisors):\(try Self.line(of: "process.spawn.*", in: supervisors)):dot-star-prefix",
            "\(supervisors):\(try Self.line(of: "process.registry.*", in: supervisors)):dot-star-prefix",
            "\(supervisors):\(try Self.line(of: "resources: app.*", in: supervisors)):dot-star-prefix",
            "\(tenants):\(try Self.line(of: "process.spawn.*", in: tenants)):dot-star-prefix",
        ]
        #expect(found == expected)
        #expect(warnings.allSatisfy { $0["severity"] == "warning" })
    }

    @Test func textEndsWithTheWarningCount() async throws {
        let result = await PolicyCLI.run(["lint", PolicyCLI.policies])
        #expect(result.code == 1)
        #expect(result.outputLines.last == "4 warnings")
        #expect(result.outputLines.filter { $0.contains(": warning[dot-star-prefix]: ") }.count == 4)
        #expect(result.outputLines.filter { $0.hasPrefix("  hint: ") }.count == 4)
    }

    @Test func cleanPoliciesExitZero() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: read
                    kind: security.policy
                    policy: {actions: [document.read, "process.*"], resources: "doc:*", effect: allow}
                """, to: "p.yaml", in: directory)
            // `process.*` is a `.*` pattern: change it to a trailing-`*` prefix for a clean file.
            let dirty = await PolicyCLI.run(["lint", path])
            #expect(dirty.code == 1)
            try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: read
                    kind: security.policy
                    policy: {actions: [document.read, "process*"], resources: "doc:*", effect: allow}
                """, to: "p.yaml", in: directory)
            let clean = await PolicyCLI.run(["lint", path])
            #expect(clean.code == 0)
            #expect(clean.outputLines == ["0 warnings"])
        }
    }

    @Test func wildcardInsideAPatternWarns() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: read
                    kind: security.policy
                    policy:
                      actions: "*.read"
                      resources: "*"
                      effect: allow
                """, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["lint", path])
            #expect(result.code == 1)
            #expect(result.outputLines.first?.hasPrefix("\(path):6:16: warning[wildcard-inside-pattern]: ") == true)
        }
    }

    @Test func shadowedAllowAndDuplicatePatternWarn() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: allow_exec
                    kind: security.policy
                    policy: {actions: [process.exec, process.exec], resources: "*", effect: allow}
                  - name: deny_all
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: deny}
                """, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["lint", "--format", "json", path])
            #expect(result.code == 1)
            let codes = try #require(try Value(json: result.output).listValue).compactMap { $0["code"]?.stringValue }
            #expect(Set(codes) == ["shadowed-allow", "duplicate-pattern"])
        }
    }

    @Test func loadErrorsAreInvalidInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                "namespace: t\nentries:\n  - {name: p, kind: security.policy, policy: {actions: a, resources: b, effect: maybe}}\n",
                to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["lint", path])
            #expect(result.code == 3)
            #expect(result.outputLines.contains { $0.hasPrefix("\(path):3:") && $0.contains("error[invalid-effect]") })
        }
    }
}
