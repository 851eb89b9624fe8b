import ArgumentParser

/// `--strict` / `--no-strict`, the one spelling of strict mode: whether a caller without an
/// actor or a scope is denied (the default) or allowed, either way without evaluating policies.
public struct StrictOption: ParsableArguments {
    /// Strict mode: deny callers without an actor or a scope.
    @Flag(inversion: .prefixedNo, help: "Deny callers without an actor or a scope (strict mode, the default).")
    public var strict = true

    /// Creates the option with its default (ArgumentParser fills it in).
    public init() {}
}
