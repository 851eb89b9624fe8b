import ArgumentParser
import WardenPolicy
import WardenValue

/// The caller a request is decided for, spelled the same on every command that takes one:
/// `--actor`, `--actor-meta`, `--scope`, `--group`, `--strict` / `--no-strict`.
public struct CallerOptions: ParsableArguments {
    /// The actor's id; absent means no actor.
    @Option(help: "The caller's actor id; without it the caller has no actor.")
    public var actor: String?

    /// The actor's meta as a JSON object.
    @Option(
        help: ArgumentHelp("The actor's meta, a JSON object (needs --actor).", valueName: "json"),
        transform: { text in try JSONArgument.object(text) })
    public var actorMeta: [String: Value]?

    /// Policy ids in the scope.
    @Option(
        help: ArgumentHelp(
            "Policy ids (namespace:name) in the caller's scope; repeat or separate with commas (default: every policy).",
            valueName: "id,..."))
    public var scope: [String] = []

    /// Group ids in the scope.
    @Option(
        help: ArgumentHelp(
            "Group ids (namespace:group) in the caller's scope; repeat or separate with commas.", valueName: "id,..."))
    public var group: [String] = []

    /// Strict mode.
    @OptionGroup public var strictness: StrictOption

    /// Creates the options with their defaults (ArgumentParser fills them in).
    public init() {}

    /// Whether strict mode is on.
    public var strict: Bool { strictness.strict }

    /// The caller's actor, with its meta; `nil` without `--actor`.
    public var actorValue: Actor? { actor.map { Actor(id: $0, meta: actorMeta ?? [:]) } }

    /// The command line's scope; `nil` (every policy) when neither `--scope` nor `--group` is given.
    public var scopeSpec: ScopeSpec? {
        let spec = ScopeSpec(policies: IDList.split(scope), groups: IDList.split(group))
        return spec.isEmpty ? nil : spec
    }

    /// Checks the combination: ids in `--scope`/`--group`, `--actor-meta` only with `--actor`.
    public func validate() throws {
        if !scope.isEmpty, IDList.split(scope).isEmpty {
            throw ValidationError("`--scope` names no policy id; write `--scope namespace:name`")
        }
        if !group.isEmpty, IDList.split(group).isEmpty {
            throw ValidationError("`--group` names no group id; write `--group namespace:group`")
        }
        if actorMeta != nil, actor == nil {
            throw ValidationError("`--actor-meta` needs `--actor`; a caller without an actor has no actor meta")
        }
    }

    /// The caller's scope resolved against `set`.
    /// - Throws: ``CommandFailure`` (exit 3) naming an unknown policy or group, with the closest one.
    public func resolveScope(in set: PolicySet) throws(CommandFailure) -> ResolvedScope {
        switch set.resolve(scopeSpec) {
        case .success(let scope): return scope
        case .failure(let error): throw .invalid("\(error.message)\n  hint: \(error.hint)")
        }
    }
}
