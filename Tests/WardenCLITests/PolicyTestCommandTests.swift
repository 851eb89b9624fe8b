import Foundation
import Testing

@Suite("warden test", .timeLimit(.minutes(5)))
struct PolicyTestCommandTests {
    /// A test file over the example tree: `files` is absolute, so the file can live anywhere.
    static func suite(_ tests: String) -> String {
        """
        namespace: app.security
        files: [\(PolicyCLI.policies)]
        tests:
        \(tests)
        """
    }

    static let passing = """
          - name: free tier may not link
            actor: {id: "tenant:acme", meta: {tier: free}}
            groups: [tenants]
            action: process.spawn.linked
            resource: app.workers:handler
            expect: deny
            policies_expected: [free_tier_no_links]
          - name: admins do anything
            actor: {id: ops, meta: {role: admin}}
            action: process.terminate
            resource: "{app:processes|0x00002}"
            expect: allow
        """

    @Test func passingSuiteEndsWithTheCount() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.suite(Self.passing), to: "tests.yaml", in: directory)
            let result = await PolicyCLI.run(["test", path])
            #expect(result.code == 0)
            #expect(result.outputLines == ["2 passed, 0 failed"])
        }
    }

    @Test func failuresShowExpectedAgainstActual() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                Self.suite(
                    """
                      - name: free tier links
                        actor: {id: "tenant:acme", meta: {tier: free}}
                        groups: [tenants]
                        action: process.spawn.linked
                        resource: app.workers:handler
                        expect: allow
                        policies_expected: [tenant_jobs]
                        note: tenants want links
                    """), to: "tests.yaml", in: directory)
            let result = await PolicyCLI.run(["test", path])
            #expect(result.code == 1)
            let lines = result.outputLines
            // The case starts at line 4, column 5 (after `  - `).
            #expect(lines.first == "FAIL \(path):4:5: free tier links")
            #expect(lines.contains("  - expected: allow [app.security:tenant_jobs]"))
            #expect(lines.contains("  + actual:   deny [app.security:free_tier_no_links]"))
            #expect(lines.contains("    note: tenants want links"))
            #expect(lines.last == "0 passed, 1 failed")
        }
    }

    @Test func wrongDeterminingPoliciesFailEvenWithTheRightDecision() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                Self.suite(
                    """
                      - name: admin
                        actor: {id: ops, meta: {role: admin}}
                        action: process.exec
                        resource: r
                        expect: allow
                        policies_expected: [supervisor_spawn_workers]
                    """), to: "tests.yaml", in: directory)
            let result = await PolicyCLI.run(["test", path])
            #expect(result.code == 1)
            #expect(result.outputLines.contains("  - expected: allow [app.security:supervisor_spawn_workers]"))
            #expect(result.outputLines.contains("  + actual:   allow [app.security:admin_all]"))
            #expect(result.outputLines.last == "0 passed, 1 failed")
        }
    }

    @Test func verboseListsPassedCases() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.suite(Self.passing), to: "tests.yaml", in: directory)
            let result = await PolicyCLI.run(["test", "--verbose", path])
            #expect(result.code == 0)
            #expect(
                result.outputLines == [
                    "PASS \(path):4:5: free tier may not link",
                    "PASS \(path):11:5: admins do anything",
                    "2 passed, 0 failed",
                ])
        }
    }

    @Test func coverageListsPoliciesThatNeverDecided() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.suite(Self.passing), to: "tests.yaml", in: directory)
            let result = await PolicyCLI.run(["test", "--coverage", path])
            #expect(result.code == 0)
            // 11 policies; free_tier_no_links and admin_all decided a case.
            #expect(result.outputLines.contains("coverage: \(path): 9 policies of 11 never determined a decision"))
            let listed = result.outputLines.filter { $0.hasPrefix("  ") && $0.contains(": app.security:") }
            #expect(listed.count == 9)
            #expect(!listed.contains { $0.hasSuffix(": app.security:admin_all") })
            #expect(!listed.contains { $0.hasSuffix(": app.security:free_tier_no_links") })
            #expect(listed.contains { $0.contains("tenants.yaml:") && $0.hasSuffix(": app.security:tenant_jobs") })
            #expect(result.outputLines.last == "2 passed, 0 failed")
        }
    }

    @Test func unloadableFileIsInvalidInputAndOthersStillRun() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let good = try PolicyCLI.write(Self.suite(Self.passing), to: "good.yaml", in: directory)
            let broken = try PolicyCLI.write("tests: [\n", to: "broken.yaml", in: directory)
            let missing = (directory as NSString).appendingPathComponent("missing.yaml")
            let result = await PolicyCLI.run(["test", broken, missing, good])
            #expect(result.code == 3)
            #expect(result.errorLines.contains { $0.hasPrefix("\(broken):") && $0.contains(": error[") })
            #expect(result.errors.contains("test file `\(broken)` cannot be loaded"))
            #expect(result.errors.contains("test file `\(missing)` cannot be loaded"))
            #expect(result.outputLines.last == "2 passed, 0 failed")
        }
    }

    @Test func unknownTestKeyIsInvalidInput() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(
                Self.suite("  - {name: x, action: a, resource: r, expect: allow, expected: deny}"), to: "t.yaml",
                in: directory)
            let result = await PolicyCLI.run(["test", path])
            #expect(result.code == 3)
            #expect(result.errors.contains("error[unknown-key]"))
        }
    }

    @Test func conformanceVectorsAllPass() async throws {
        let count = try PolicyVectors.countInText()
        #expect(count > 0)
        let result = await PolicyCLI.run(["test", PolicyCLI.vectors])
        #expect(result.code == 0)
        #expect(result.outputLines == ["\(count) passed, 0 failed"])
    }

    @Test func severalFilesAddUp() async throws {
        try await PolicyCLI.withTemporaryDirectory { directory in
            let path = try PolicyCLI.write(Self.suite(Self.passing), to: "tests.yaml", in: directory)
            let count = try PolicyVectors.countInText()
            let result = await PolicyCLI.run(["test", PolicyCLI.vectors, path])
            #expect(result.code == 0)
            #expect(result.outputLines.last == "\(count + 2) passed, 0 failed")
        }
    }
}
