import WardenYAML

/// The results of running a `warden test` file, with per-policy coverage.
public struct PolicyTestReport: Sendable {
    /// One result per case, in file order.
    public var results: [PolicyTestResult]
    /// Every policy loaded for the suite (shared and per-case), with how many cases it decided.
    public var coverage: [PolicyCoverage]

    /// The number of passed cases.
    public var passedCount: Int { results.filter(\.passed).count }

    /// The number of failed cases.
    public var failedCount: Int { results.count - passedCount }

    /// Whether every case passed.
    public var allPassed: Bool { results.allSatisfy(\.passed) }

    /// The policies that never determined a decision.
    public var uncovered: [PolicyCoverage] { coverage.filter { $0.determined == 0 } }
}

/// How often one policy determined a decision in a test run.
public struct PolicyCoverage: Sendable, Hashable {
    /// The policy id.
    public var id: String
    /// Where the policy is defined (policies of different cases may share an id).
    public var mark: Mark
    /// The number of cases whose decision this policy determined.
    public var determined: Int

    /// Creates a coverage entry.
    public init(id: String, mark: Mark, determined: Int) {
        self.id = id
        self.mark = mark
        self.determined = determined
    }
}
