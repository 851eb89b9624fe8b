import WardenYAML

/// Runs the cases of a `warden test` file through the loader and the evaluator.
///
/// Each case is evaluated against the shared policies plus its own, in its scope (all policies
/// by default). Its strict mode is the case's `strict`, else the file's, else the runner's
/// ``strict``: with one, the case is decided as the gateway decides
/// (``PolicySet/authorize(_:scope:strict:)``: a request without an actor is denied in strict
/// mode and allowed without it, either way without evaluating policies); with none, by the
/// policy semantics only (``PolicySet/evaluate(_:in:)``).
public struct PolicyTestRunner: Sendable {
    /// The strict mode of cases whose test and file set none; `nil` for the policy semantics only.
    public var strict: Bool?

    /// Creates a runner.
    public init(strict: Bool? = nil) {
        self.strict = strict
    }

    /// Runs every case.
    public func run(_ suite: PolicyTestSuite) -> PolicyTestReport {
        let shared = suite.policies.compile()
        var coverage: [CoverageKey: Int] = [:]
        var order: [CoverageKey] = []
        func register(_ definitions: [PolicyDefinition]) {
            for definition in definitions {
                let key = CoverageKey(id: definition.id, mark: definition.marks.entry)
                if coverage[key] == nil {
                    coverage[key] = 0
                    order.append(key)
                }
            }
        }
        register(suite.policies.definitions)
        var results: [PolicyTestResult] = []
        for test in suite.tests {
            register(test.policies.definitions)
            var reading = suite.policies
            reading.append(test.policies)
            let loaded =
                test.policies.definitions.isEmpty && test.policies.diagnostics.isEmpty ? shared : reading.compile()
            let actual = run(test, loaded, strict: test.strict ?? suite.strict ?? strict)
            if case .decision(let decision) = actual, let set = loaded.policySet {
                for id in decision.policies {
                    guard let definition = set.definition(id: id) else { continue }
                    coverage[CoverageKey(id: id, mark: definition.marks.entry), default: 0] += 1
                }
            }
            results.append(result(test, actual))
        }
        return PolicyTestReport(
            results: results,
            coverage: order.map { PolicyCoverage(id: $0.id, mark: $0.mark, determined: coverage[$0] ?? 0) })
    }

    private struct CoverageKey: Hashable {
        var id: String
        var mark: Mark
    }

    private func run(_ test: PolicyTestCase, _ loaded: PolicyLoadResult, strict: Bool?) -> PolicyTestResult.Actual {
        guard let set = loaded.policySet else { return .loadError(loaded.errors) }
        var scope = set.allPolicies
        if let spec = test.scope {
            switch set.resolve(spec) {
            case .success(let resolved): scope = resolved
            case .failure(let error):
                return .loadError([.error(.unresolvedScope, at: test.scopeMark, error.message, hint: error.hint)])
            }
        }
        guard let strict else { return .decision(set.evaluate(test.request, in: scope)) }
        return .decision(set.authorize(test.request, scope: scope, strict: strict))
    }

    private func result(_ test: PolicyTestCase, _ actual: PolicyTestResult.Actual) -> PolicyTestResult {
        var failures: [String] = []
        switch (test.expect, actual) {
        case (.loadError, .loadError):
            break
        case (.loadError, .decision(let decision)):
            failures.append("expected `load_error`, but the policies loaded and the request was `\(decision.outcome)`")
        case (.outcome(let expected), .loadError(let diagnostics)):
            let first = diagnostics.first.map { ": \($0)" } ?? ""
            failures.append("expected `\(expected)`, but loading failed\(first)")
        case (.outcome(let expected), .decision(let decision)):
            if decision.outcome != expected {
                var message = "expected `\(expected)`, got `\(decision.outcome)`"
                if !decision.policies.isEmpty {
                    message += " (by " + decision.policies.map { "`\($0)`" }.joined(separator: ", ") + ")"
                }
                failures.append(message)
                failures += decision.errors.map { "evaluation error in `\($0.policy)`: \($0.message)" }
            }
            if let expectedPolicies = test.expectedPolicies {
                let sorted = expectedPolicies.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                if sorted != decision.policies {
                    failures.append(
                        "expected determining policies [\(sorted.joined(separator: ", "))], got [\(decision.policies.joined(separator: ", "))]"
                    )
                }
            }
        }
        return PolicyTestResult(
            name: test.name, mark: test.mark, expected: test.expect, expectedPolicies: test.expectedPolicies,
            actual: actual, passed: failures.isEmpty, failures: failures, note: test.note)
    }
}
