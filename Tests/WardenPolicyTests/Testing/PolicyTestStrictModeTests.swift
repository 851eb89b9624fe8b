import Testing
import WardenPolicy

/// `strict` in `warden test` files: per test, per file, and the runner's default.
@Suite("strict mode in test files")
struct PolicyTestStrictModeTests {
    /// One allow-everything policy and a request without an actor, under the given `strict` keys.
    static func suite(file fileStrict: String? = nil, test testStrict: String? = nil) -> String {
        """
        namespace: t
        \(fileStrict.map { "strict: \($0)" } ?? "")
        policies:
          - name: everyone
            kind: security.policy
            policy: {actions: "*", resources: "*", effect: allow}
        tests:
          - name: no actor
            action: read
            resource: r
            expect: allow
        \(testStrict.map { "    strict: \($0)" } ?? "")
        """
    }

    static func outcome(_ text: String, runner: PolicyTestRunner = PolicyTestRunner()) throws -> Outcome? {
        let (suite, diagnostics) = PolicyTestSuite.load(yaml: text, file: "t.yaml")
        #expect(diagnostics.map(\.description) == [])
        let report = runner.run(try #require(suite))
        guard case .decision(let decision)? = report.results.first?.actual else { return nil }
        return decision.outcome
    }

    @Test func aTestMayTurnStrictModeOnOrOff() throws {
        #expect(try Self.outcome(Self.suite(test: "true")) == .deny)
        #expect(try Self.outcome(Self.suite(test: "false")) == .allow)
    }

    @Test func withoutStrictModeTheRequestIsDecidedByThePoliciesAlone() throws {
        #expect(try Self.outcome(Self.suite()) == .allow)
    }

    @Test func theFileSetsTheDefaultAndATestOverridesIt() throws {
        #expect(try Self.outcome(Self.suite(file: "true")) == .deny)
        #expect(try Self.outcome(Self.suite(file: "true", test: "false")) == .allow)
    }

    @Test func theRunnerDefaultYieldsToTheFileAndTheTest() throws {
        #expect(try Self.outcome(Self.suite(), runner: PolicyTestRunner(strict: true)) == .deny)
        #expect(try Self.outcome(Self.suite(file: "false"), runner: PolicyTestRunner(strict: true)) == .allow)
        #expect(try Self.outcome(Self.suite(test: "true"), runner: PolicyTestRunner(strict: false)) == .deny)
    }

    @Test func aStrictValueThatIsNotABooleanIsAnError() {
        let (suite, diagnostics) = PolicyTestSuite.load(yaml: Self.suite(test: "yes please"), file: "t.yaml")
        #expect(suite == nil)
        #expect(
            diagnostics.map(\.description) == [
                "t.yaml:12:13: error[invalid-test-file]: `strict` must be `true` or `false`, found a string; "
                    + "write `strict: true` (a request without an actor is denied) or `strict: false` (allowed)"
            ])
    }
}
