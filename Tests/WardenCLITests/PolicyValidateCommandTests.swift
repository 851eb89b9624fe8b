import Foundation
import Testing
import WardenValue

@Suite("warden validate", .timeLimit(.minutes(5)))
struct PolicyValidateCommandTests {
    @Test func exampleTreeIsCleanAndSummarised() async {
        // policies/ holds 5 YAML files: app/processes.yaml (no policy entries) and
        // security/{admins 1, supervisors 4, tenants 5, workers 1} = 11 policies.
        let result = await PolicyCLI.run(["validate", PolicyCLI.policies])
        #expect(result.code == 0)
        #expect(result.outputLines == ["5 files, 11 policies, 0 errors, 0 warnings"])
    }

    @Test func errorsAreLocatedWithCodeAndHint() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: p
                    kind: security.policy
                    policy:
                      actions: "*"
                      resources: "*"
                      effect: allow
                      conditions:
                        - field: actor.id
                          operater: eq
                          value: u
                """, to: "typo.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 3)
            // `operater` is at line 11, column 11; the condition then also lacks `operator`.
            let first = try #require(result.outputLines.first { $0.contains("unknown-key") })
            #expect(first.hasPrefix("\(path):11:11: error[unknown-key]: "))
            #expect(first.contains("`operater`"))
            let index = try #require(result.outputLines.firstIndex(of: first))
            #expect(result.outputLines[index + 1].hasPrefix("  hint: "))
            #expect(result.outputLines[index + 1].contains("`operator`"))
            #expect(result.outputLines.contains { $0.hasPrefix("\(path):10:11: error[missing-operator]: ") })
            // The entry with errors is not counted as a policy, but as one that failed.
            #expect(result.outputLines.last == "1 file, 0 policies, 1 policy failed to load, 2 errors, 0 warnings")
        }
    }

    @Test func warningsAloneExitZero() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                owner: platform
                entries:
                  - name: p
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: allow}
                """, to: "extra.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 0)
            #expect(result.outputLines.first?.hasPrefix("\(path):2:1: warning[unknown-top-level-key]: ") == true)
            #expect(result.outputLines.last == "1 file, 1 policy, 0 errors, 1 warning")
        }
    }

    @Test func malformedYAMLIsAnErrorWithItsLocation() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write("namespace: t\nentries: [\n  {name: p\n", to: "broken.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 3)
            #expect(result.outputLines.contains { $0.hasPrefix("\(path):") && $0.contains(": error[") })
        }
    }

    @Test func missingFileIsAnError() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = (directory as NSString).appendingPathComponent("absent.yaml")
            let result = await PolicyCLI.run(["validate", path])
            #expect(result.code == 3)
            #expect(result.outputLines.first?.hasPrefix("\(path):1:1: error[io-error]: ") == true)
            #expect(result.outputLines.last == "0 files, 0 policies, 1 error, 0 warnings")
        }
    }

    @Test func everyErrorOfEveryFileIsReported() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            try PolicyCLI.write(
                "namespace: t\nentries:\n  - name: a\n    kind: security.policy\n    policy: {actions: x, resources: y, effect: Allow}\n",
                to: "a.yaml", in: directory)
            try PolicyCLI.write(
                "entries:\n  - name: b\n    kind: security.policy\n    policy: {actions: x, resources: y, effect: deny}\n",
                to: "b.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", directory])
            #expect(result.code == 3)
            #expect(result.outputLines.contains { $0.contains("a.yaml:5:48: error[invalid-effect]") })
            #expect(result.outputLines.contains { $0.contains("b.yaml:1:1: error[missing-namespace]") })
        }
    }

    @Test func jsonListsEveryDiagnosticAsAnObject() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                """
                namespace: t
                entries:
                  - name: p
                    kind: security.policy
                    policy: {actions: "*", resources: "*", effect: permit}
                """, to: "p.yaml", in: directory)
            let result = await PolicyCLI.run(["validate", "--format", "json", path])
            #expect(result.code == 3)
            let list = try #require(try Value(json: result.output).listValue)
            #expect(list.count == 1)
            let entry = try #require(list.first?.mapValue)
            #expect(entry["file"] == .string(path))
            #expect(entry["line"] == .int(5))
            #expect(entry["column"] == .int(52))
            #expect(entry["severity"] == "error")
            #expect(entry["code"] == "invalid-effect")
            #expect(entry["message"]?.stringValue?.contains("`permit`") == true)
            #expect(entry["hint"] != nil)
            #expect(Set(entry.keys) == ["file", "line", "column", "severity", "code", "message", "hint"])
        }
    }

    @Test func jsonOfACleanTreeIsAnEmptyArray() async throws {
        let result = await PolicyCLI.run(["validate", "--format", "json", PolicyCLI.policies])
        #expect(result.code == 0)
        #expect(try Value(json: result.output) == .list([]))
    }
}
