/// Policy definitions read from YAML, before compiling, with every problem found while reading.
public struct PolicyReading: Sendable {
    /// The definitions read without error, in load order.
    public var definitions: [PolicyDefinition]
    /// Problems found while reading (YAML, structure, types), in load order.
    public var diagnostics: [PolicyDiagnostic]
    /// How many policy entries had an error while reading (and so produced no definition).
    public var failedEntryCount = 0
    /// The files that were read, in load order (empty for YAML text).
    public var files: [String] = []

    /// Creates a reading.
    public init(definitions: [PolicyDefinition] = [], diagnostics: [PolicyDiagnostic] = []) {
        self.definitions = definitions
        self.diagnostics = diagnostics
    }

    /// Appends another reading.
    public mutating func append(_ other: PolicyReading) {
        // The first reading's array is shared rather than copied element by element (a retain
        // of every field of every definition).
        if definitions.isEmpty { definitions = other.definitions } else { definitions += other.definitions }
        diagnostics += other.diagnostics
        failedEntryCount += other.failedEntryCount
        files += other.files
    }

    /// Compiles the definitions; the result carries the reading's diagnostics too, and has no
    /// set when either reading or compiling found an error.
    public func compile() -> PolicyLoadResult {
        var result = PolicySet.compile(definitions)
        result.diagnostics = (diagnostics + result.diagnostics).sortedByMark()
        result.failedPolicyCount += failedEntryCount
        result.files = files
        if diagnostics.containsErrors { result.policySet = nil }
        return result
    }
}
