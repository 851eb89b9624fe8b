import ArgumentParser
import WardenPolicy
import WardenValue

/// The policy set and the caller's security context, as `check` and `demo`-style commands take them.
struct CallerOptions: ParsableArguments {
    @Option(name: .customLong("policies"), parsing: .singleValue, help: "A policy file or directory (repeatable).")
    var policyPaths: [String] = []

    @Option(help: "The caller's actor id; without it the caller has no actor.")
    var actor: String?

    @Option(help: "The actor's meta as a JSON object.")
    var actorMeta: String?

    @Option(help: "Policy ids in the caller's scope, comma-separated.")
    var scope: String?

    @Option(help: "Policy groups in the caller's scope, comma-separated.")
    var group: String?

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
                guard case .map(let map)? = try? Value(json: actorMeta) else {
                    throw CLIError.invalid("--actor-meta is not a JSON object: `\(actorMeta)`; hint: write e.g. '{\"tier\":\"free\"}'")
                }
                meta = map
            }
            actorValue = Actor(id: actor, meta: meta)
        }
        let spec = ScopeSpec(policies: Self.list(scope), groups: Self.list(group))
        let resolvedScope: Result<ResolvedScope, ScopeError>
        if scope == nil && group == nil {
            resolvedScope = .success(policies.allPolicies)
        } else {
            resolvedScope = policies.resolve(spec)
            if case .failure(let error) = resolvedScope { throw CLIError.invalid(error.description) }
        }
        return Resolved(policies: policies, actor: actorValue, scope: resolvedScope)
    }

    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
