import WardenYAML

/// What happened to one case of a `warden test` file.
public struct PolicyTestResult: Sendable {
    /// What a case actually produced.
    public enum Actual: Sendable {
        /// The request was decided.
        case decision(Decision)
        /// Loading the policies or resolving the scope failed.
        case loadError([PolicyDiagnostic])
    }

    /// The case's name.
    public var name: String
    /// Where the case starts in the test file.
    public var mark: Mark
    /// What the case expected.
    public var expected: PolicyTestExpectation
    /// The determining policies expected, when the case says.
    public var expectedPolicies: [String]?
    /// What happened.
    public var actual: Actual
    /// Whether the case passed.
    public var passed: Bool
    /// Why it failed (lowercase messages); empty when it passed.
    public var failures: [String]
    /// The case's note.
    public var note: String?

    /// The outcome actually reached, or `load_error`.
    public var actualExpectation: PolicyTestExpectation {
        switch actual {
        case .decision(let decision): .outcome(decision.outcome)
        case .loadError: .loadError
        }
    }

    /// The determining policies of the decision (empty for a load error).
    public var determiningPolicies: [String] {
        if case .decision(let decision) = actual { return decision.policies }
        return []
    }
}
