import Testing
import WardenPolicy
import WardenValue

@Suite("warden test files")
struct PolicyTestSuiteTests {
    static let suiteText = """
        namespace: app
        policies:
          - name: admin
            kind: security.policy
            groups: [admin]
            policy:
              actions: "*"
              resources: "*"
              effect: allow
              conditions: [{field: actor.meta.role, operator: eq, value: admin}]
          - name: no_delete
            kind: security.policy
            groups: [default]
            policy: {actions: "*.delete", resources: "*", effect: deny}
          - name: never_used
            kind: security.policy
            policy: {actions: nothing, resources: "*", effect: allow}
        tests:
          - name: admins may read
            actor: {id: u1, meta: {role: admin}}
            action: document.read
            resource: doc:1
            expect: allow
            policies_expected: [admin]
          - name: nobody deletes
            actor: {id: u1, meta: {role: admin}}
            scope: {groups: [admin, default]}
            action: document.delete
            resource: doc:1
            expect: deny
          - name: wrong on purpose
            actor: {id: u2}
            scope: [admin]
            action: document.read
            resource: doc:1
            expect: allow
            note: users are not admins
          - name: inline policy for one case
            policies:
              - name: extra
                kind: security.policy
                policy: {actions: read, resources: "*", effect: allow}
            groups: [default]
            scope: [extra]
            action: read
            resource: r
            expect: allow
            policies_expected: [extra]
          - name: a broken inline policy is a load error
            policies:
              - name: broken
                kind: security.policy
                policy: {actions: read, resources: "*", effect: Allow}
            action: read
            resource: r
            expect: load_error
          - name: an unknown scope is a load error
            scope: [missing]
            action: read
            resource: r
            expect: load_error
          - name: no actor
            action: document.read
            resource: doc:1
            expect: undefined
        """

    static func report() throws -> PolicyTestReport {
        let (suite, diagnostics) = PolicyTestSuite.load(yaml: suiteText, file: "t.yaml")
        #expect(diagnostics.isEmpty)
        return PolicyTestRunner().run(try #require(suite))
    }

    @Test func casesPassOrFailWithExpectedAndActual() throws {
        let report = try Self.report()
        #expect(report.results.map(\.passed) == [true, true, false, true, true, true, true])
        #expect(report.passedCount == 6)
        #expect(report.failedCount == 1)
        let failed = report.results[2]
        #expect(failed.name == "wrong on purpose")
        #expect(failed.mark.description == "t.yaml:31:5")
        #expect(failed.expected == .outcome(.allow))
        #expect(failed.actualExpectation == .outcome(.undefined))
        #expect(failed.failures == ["expected `allow`, got `undefined`"])
        #expect(failed.note == "users are not admins")
        #expect(report.results[1].determiningPolicies == ["app:no_delete"])
    }

    @Test func loadErrorsAndUnresolvedScopesAreReported() throws {
        let report = try Self.report()
        guard case .loadError(let broken) = report.results[4].actual else {
            Issue.record("the broken policy loaded")
            return
        }
        #expect(broken.map(\.code) == [.invalidEffect])
        #expect(broken.first?.mark.description == "t.yaml:53:57")
        guard case .loadError(let scope) = report.results[5].actual else {
            Issue.record("the unknown scope resolved")
            return
        }
        #expect(
            scope.map(\.description) == [
                "t.yaml:58:12: error[unresolved-scope]: unknown policy `app:missing` in scope; policy ids are `namespace:name` of a loaded `security.policy` entry"
            ])
    }

    @Test func coverageCountsTheDecisionsEachPolicyDetermined() throws {
        let coverage = try Self.report().coverage
        #expect(coverage.map(\.id) == ["app:admin", "app:no_delete", "app:never_used", "app:extra"])
        #expect(coverage.map(\.determined) == [1, 1, 0, 1])
        #expect(try Self.report().uncovered.map(\.id) == ["app:never_used"])
        #expect(coverage[2].mark.description == "t.yaml:15:5")
    }

    @Test func wrongDeterminingPoliciesFailTheCase() throws {
        let (suite, _) = PolicyTestSuite.load(
            yaml: """
                namespace: t
                policies:
                  - {name: a, kind: security.policy, policy: {actions: "*", resources: "*", effect: allow}}
                  - {name: b, kind: security.policy, policy: {actions: "*", resources: "*", effect: allow}}
                tests:
                  - {name: both, action: x, resource: y, expect: allow, policies_expected: [b]}
                """)
        let loaded = try #require(suite)
        let result = try #require(PolicyTestRunner().run(loaded).results.first)
        #expect(!result.passed)
        #expect(result.failures == ["expected determining policies [t:b], got [t:a, t:b]"])
    }

    @Test func filesAreLoadedRelativeToTheTestFile() throws {
        try withTemporaryDirectory { dir in
            try write(
                "namespace: app\nentries:\n  - {name: p, kind: security.policy, policy: {actions: \"*\", resources: \"*\", effect: allow}}\n",
                to: "policies/app.yaml", in: dir)
            try write(
                "files: [../policies]\ntests:\n  - {name: t, action: a, resource: r, expect: allow, policies_expected: [\"app:p\"]}\n",
                to: "tests/app_test.yaml", in: dir)
            let (suite, diagnostics) = PolicyTestSuite.load(path: dir + "/tests/app_test.yaml")
            #expect(diagnostics.isEmpty)
            let report = PolicyTestRunner().run(try #require(suite))
            #expect(report.allPassed)
        }
    }

    @Test func problemsWithTheTestFileHaveMarks() {
        let (suite, diagnostics) = PolicyTestSuite.load(
            yaml: """
                namespace: t
                tests:
                  - name: one
                    acion: read
                    resource: r
                    expect: alow
                  - name: two
                    actor: {id: 1}
                    action: read
                    resource: r
                    expect: deny
                    meta: [x]
                """, file: "t.yaml")
        #expect(suite == nil)
        #expect(
            diagnostics.map(\.description) == [
                "t.yaml:4:5: error[unknown-key]: unknown key `acion` in test; did you mean `action`?",
                "t.yaml:3:5: error[invalid-test-file]: test has no `action`; add `action: <action>`",
                "t.yaml:6:13: error[invalid-test-file]: `expect` must be `allow`, `deny`, `undefined` or `load_error`, found `alow`; did you mean `allow`?",
                "t.yaml:8:17: error[invalid-test-file]: `id` must be a string, found an integer; quote it",
                "t.yaml:12:11: error[invalid-test-file]: `meta` must be a mapping, found a sequence; write `meta: {key: value}`",
            ])
    }

    @Test func aTestFileWithoutTestsIsReported() {
        let (_, diagnostics) = PolicyTestSuite.load(yaml: "namespace: t\n", file: "t.yaml")
        #expect(
            diagnostics.map(\.description) == [
                "t.yaml:1:1: error[invalid-test-file]: the test file has no `tests` list; add `tests:` with one item per case"
            ])
    }
}
