/// The policy files a list of paths names, and what was found wrong while looking for them.
///
/// The one place the directory rules live: the loader reads these files, and the command line
/// counts them for its summaries.
public struct PolicyFileList: Sendable, Equatable {
    /// The files to read, in the order they are read.
    public var files: [String]
    /// Paths that do not exist or cannot be read, symbolic link loops, skipped special files,
    /// and an error when no policy file was found at all (unless that is allowed).
    public var diagnostics: [PolicyDiagnostic]

    /// Creates a list.
    public init(files: [String] = [], diagnostics: [PolicyDiagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }
}
