/// What loading or compiling policies produced: a policy set when there was no error, and every
/// diagnostic (errors and warnings) either way.
public struct PolicyLoadResult: Sendable {
    /// The compiled set; `nil` when any diagnostic is an error.
    public var policySet: PolicySet?
    /// All diagnostics of all files, in load order.
    public var diagnostics: [PolicyDiagnostic]
    /// The definitions that were read (including ones with errors), in load order.
    public var definitions: [PolicyDefinition]

    /// Creates a result.
    public init(policySet: PolicySet?, diagnostics: [PolicyDiagnostic], definitions: [PolicyDefinition]) {
        self.policySet = policySet
        self.diagnostics = diagnostics
        self.definitions = definitions
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
