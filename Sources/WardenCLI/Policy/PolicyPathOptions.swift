import ArgumentParser
import WardenPolicy

/// The arguments `warden validate` and `warden lint` share: the policy paths to read and the
/// output format of their diagnostics.
public struct PolicyPathOptions: ParsableArguments {
    /// The files and directories to read.
    @Argument(help: "Policy files or directories (read recursively).")
    public var paths: [String]

    /// Text lines or a JSON array.
    @Option(help: "Output format: text, or json (an array of {file,line,column,severity,code,message,hint}).")
    public var format: OutputFormat = .text

    /// Whether paths holding no policy file are accepted as an empty tree.
    @Flag(help: "Accept paths that hold no policy file (without it, finding none is an error).")
    public var allowEmpty = false

    /// The loader these options ask for.
    var loader: PolicyLoader { PolicyLoader(allowsEmpty: allowEmpty) }

    /// Creates the options with their defaults (ArgumentParser fills them in).
    public init() {}

    /// Requires at least one path.
    public func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one policy file or directory") }
    }
}
