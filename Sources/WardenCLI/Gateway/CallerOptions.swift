import ArgumentParser
import WardenPolicy
import WardenService
import WardenValue

/// The policy set and the caller's security context, as `check` and `demo`-style commands take them.
struct CallerOptions: ParsableArguments {
    @Option(
        name: .customLong("policies"), parsing: .singleValue,
        help: ArgumentHelp("A policy file or directory; repeat for more (the call follows the options).", valueName: "path"))
    var policyPaths: [String] = []

    @Option(help: "The caller's actor id; without it the caller has no actor.")
    var actor: String?

    @Option(help: "The actor's meta as a JSON object.")
    var actorMeta: String?

    @Option(help: ArgumentHelp("Policy ids in the caller's scope; repeat or separate with commas.", valueName: "id,..."))
    var scope: [String] = []

    @Option(help: ArgumentHelp("Group ids in the caller's scope; repeat or separate with commas.", valueName: "id,..."))
    var group: [String] = []

    @Flag(help: "Allow callers without an actor or a scope (strict mode off).")
    var noStrict = false

    /// The loaded policies, the actor and the resolved scope.
    struct Resolved {
        var policies: PolicySet
        var actor: Actor?
        var scope: Result<ResolvedScope, ScopeError>?
    }

    func validate() throws {
        if policyPaths.isEmpty { throw ValidationError("missing --policies; hint: pass a policy file or directory") }
        if actorMeta != nil && actor == nil {
            throw ValidationError("--actor-meta needs --actor; hint: add `--actor ID`")
        }
    }

    /// Loads the policies and builds the caller.
    /// - Throws: `CLIError` (exit 3) for policy errors, bad JSON and unknown scope entries.
    func resolve() throws -> Resolved {
        let result = PolicyLoader().load(paths: policyPaths)
        guard let policies = result.policySet else {
            throw CLIError.invalidPolicies(result.errors.map(\.description))
        }
        var actorValue: Actor?
        if let actor {
            var meta: [String: Value] = [:]
            if let actorMeta {
                do {
                    meta = try JSONArgument.object(actorMeta)
                } catch {
                    throw CLIError.invalid("--actor-meta is not a JSON object: \(error.description)")
                }
            }
            actorValue = Actor(id: actor, meta: meta)
        }
        let spec = ScopeSpec(policies: IDList.split(scope), groups: IDList.split(group))
        let resolvedScope = policies.resolve(spec.isEmpty ? nil : spec)
        if case .failure(let error) = resolvedScope { throw CLIError.invalid(error.description) }
        return Resolved(policies: policies, actor: actorValue, scope: resolvedScope)
    }
}
