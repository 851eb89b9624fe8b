import Foundation
import Testing
import WardenPolicy

/// Every vector of the shared conformance corpus, through the test-file loader, the policy
/// loader and the evaluator.
@Suite("conformance vectors (Fixtures/policy-vectors.yaml)")
struct ConformanceTests {
    static let path = Bundle.module.path(forResource: "Fixtures/policy-vectors", ofType: "yaml") ?? ""

    static let report: PolicyTestReport? = {
        guard let suite = PolicyTestSuite.load(path: path).suite else { return nil }
        return PolicyTestRunner().run(suite)
    }()

    static var names: [String] { report?.results.map(\.name) ?? ["<corpus did not load>"] }

    @Test func theCorpusLoadsWithoutProblems() {
        let (suite, diagnostics) = PolicyTestSuite.load(path: Self.path)
        #expect(diagnostics.map(\.description) == [])
        #expect((suite?.tests.count ?? 0) >= 80)
    }

    @Test(arguments: names)
    func vector(_ name: String) throws {
        let result = try #require(Self.report?.results.first { $0.name == name })
        #expect(result.passed, "\(name): \(result.failures.joined(separator: "; ")) \(result.note ?? "")")
    }

    @Test func loadErrorVectorsFailWithAnErrorDiagnostic() throws {
        let report = try #require(Self.report)
        let loadErrors = report.results.filter { $0.expected == .loadError }
        #expect(!loadErrors.isEmpty)
        for result in loadErrors {
            guard case .loadError(let diagnostics) = result.actual else {
                Issue.record("\(result.name) loaded")
                continue
            }
            #expect(diagnostics.containsErrors, "\(result.name)")
        }
    }

    @Test func expressionVectorsAreEvaluatedNotRejected() throws {
        let report = try #require(Self.report)
        let expressions = report.results.filter { $0.name.hasPrefix("E") }
        #expect(expressions.count >= 10)
        for result in expressions where result.expected != .loadError {
            if case .loadError(let diagnostics) = result.actual {
                Issue.record("\(result.name) did not load: \(diagnostics)")
            }
        }
    }
}
