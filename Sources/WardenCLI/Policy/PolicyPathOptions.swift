import ArgumentParser
import WardenPolicy

/// The arguments `warden validate` and `warden lint` share: the policies to read (`--policies
/// PATH`, repeated, or the same paths given positionally; default `policies/`) and the output
/// format of their diagnostics.
public struct PolicyPathOptions: ParsableArguments {
    /// Files and directories given positionally: an alias of `--policies`.
    @Argument(help: "Policy files or directories, read recursively (the same as --policies PATH).")
    public var paths: [String] = []

    /// `--policies PATH`, repeated.
    @OptionGroup public var policies: PolicyOptions

    /// Text lines or a JSON array.
    @Option(help: "Output format: text, or json (an array of {file,line,column,severity,code,message,hint}).")
    public var format: OutputFormat = .text

    /// Whether paths holding no policy file are accepted as an empty tree.
    @Flag(help: "Accept paths that hold no policy file (without it, finding none is an error).")
    public var allowEmpty = false

    /// Creates the options with their defaults (ArgumentParser fills them in).
    public init() {}

    /// Reads every path (positional ones first, then `--policies`; `policies/` when none is given).
    /// - Throws: ``CommandFailure`` (exit 3) when none is given and there is no `policies/`.
    func load(_ io: CommandIO) throws(CommandFailure) -> PolicyLoadResult {
        PolicyLoader(allowsEmpty: allowEmpty).load(paths: try policies.paths(io, extra: paths))
    }
}
