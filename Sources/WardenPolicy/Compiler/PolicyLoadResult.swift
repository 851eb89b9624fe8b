/// What loading or compiling policies produced: a policy set when there was no error, and every
/// diagnostic (errors and warnings) either way.
public struct PolicyLoadResult: Sendable {
    /// The compiled set; `nil` when any diagnostic is an error.
    public var policySet: PolicySet?
    /// All diagnostics of all files, in load order.
    public var diagnostics: [PolicyDiagnostic]
    /// The definitions that were read (including ones with errors), in load order.
    public var definitions: [PolicyDefinition]
    /// How many policy entries were read and compiled without an error.
    public var validPolicyCount: Int
    /// How many policy entries had an error (while reading or compiling, or a duplicate id).
    public var failedPolicyCount: Int
    /// The files that were read, in load order (empty when the policies came from text).
    public var files: [String] = []

    /// Creates a result; the counts default to every definition valid and none failed.
    public init(
        policySet: PolicySet?, diagnostics: [PolicyDiagnostic], definitions: [PolicyDefinition],
        validPolicyCount: Int? = nil, failedPolicyCount: Int = 0
    ) {
        self.policySet = policySet
        self.diagnostics = diagnostics
        self.definitions = definitions
        self.validPolicyCount = validPolicyCount ?? definitions.count
        self.failedPolicyCount = failedPolicyCount
    }

    /// The error diagnostics.
    public var errors: [PolicyDiagnostic] { diagnostics.filter(\.isError) }

    /// The warning diagnostics.
    public var warnings: [PolicyDiagnostic] { diagnostics.filter { !$0.isError } }

    /// The set, or the load error with every error diagnostic.
    public var result: Result<PolicySet, PolicyLoadError> {
        if let policySet { return .success(policySet) }
        return .failure(PolicyLoadError(diagnostics: errors))
    }

    /// The set.
    /// - Throws: ``PolicyLoadError`` with every error diagnostic when there is no set.
    public func get() throws(PolicyLoadError) -> PolicySet {
        try result.get()
    }
}

/// Policies could not be loaded; `diagnostics` says every reason with its location.
public struct PolicyLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error diagnostics, at least one.
    public var diagnostics: [PolicyDiagnostic]

    /// Creates an error.
    public init(diagnostics: [PolicyDiagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
