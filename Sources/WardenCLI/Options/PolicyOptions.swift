import ArgumentParser
import Foundation
import WardenPolicy

/// `--policies PATH`, the one spelling of "which policies" on every command that loads them:
/// repeat the flag for more paths; without it, the directory `policies/` when it exists.
public struct PolicyOptions: ParsableArguments {
    /// The directory used when no `--policies` is given.
    public static let defaultDirectory = "policies"

    /// The paths given with `--policies`, in order.
    @Option(
        name: .customLong("policies"), parsing: .singleValue,
        help: ArgumentHelp(
            "A policy file or directory; repeat the flag for more (default: `policies/` when it exists).",
            valueName: "path"))
    public var given: [String] = []

    /// Creates the options with their defaults (ArgumentParser fills them in).
    public init() {}

    /// The paths to load: `extra` (the positional paths of `validate` and `lint`) and those of
    /// `--policies`, or the default directory when both are empty.
    /// - Throws: ``CommandFailure`` (exit 3) when none is given and there is no `policies/`.
    func paths(_ io: CommandIO, extra: [String] = []) throws(CommandFailure) -> [String] {
        let paths = extra + given
        if !paths.isEmpty { return paths }
        let directory =
            io.workingDirectory == "." ? Self.defaultDirectory : "\(io.workingDirectory)/\(Self.defaultDirectory)"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalid(
                "no policies given, and there is no `\(Self.defaultDirectory)/` directory here\n"
                    + "  hint: pass `--policies PATH` (a policy file or directory; repeat the flag for more)")
        }
        return [directory]
    }

    /// Loads and compiles the policies, the one way every command that decides loads them.
    /// - Throws: ``CommandFailure`` (exit 3): no path and no default directory, or
    ///   ``CommandFailure/policiesDidNotLoad(_:)`` with every diagnostic.
    func load(_ io: CommandIO, loader: PolicyLoader = PolicyLoader()) throws(CommandFailure) -> PolicySet {
        try Self.load(paths(io), loader: loader)
    }

    /// Loads and compiles the policies at `paths`.
    /// - Throws: ``CommandFailure/policiesDidNotLoad(_:)`` with every diagnostic.
    static func load(_ paths: [String], loader: PolicyLoader = PolicyLoader()) throws(CommandFailure) -> PolicySet {
        let result = loader.load(paths: paths)
        guard let set = result.policySet else { throw .policiesDidNotLoad(result.diagnostics) }
        return set
    }
}
