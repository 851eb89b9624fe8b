import WardenPolicy

/// Loads the policies a command works on and reports what kept them from loading.
enum PolicyLoading {
    /// The compiled set for `paths`, or `nil` after writing every error diagnostic (and the
    /// warnings beside them) to `io.errors`.
    static func load(_ paths: [String], io: CommandIO) -> PolicySet? {
        let result = PolicyLoader().load(paths: paths)
        if let set = result.policySet { return set }
        DiagnosticRendering.write(result.diagnostics, to: io.errors)
        io.errors.line(
            "error: the policies did not load (\(DiagnosticRendering.count(result.errors.count, "error"))); nothing was evaluated")
        return nil
    }
}
