import ArgumentParser
import WardenPolicy
import WardenService
import WardenValue

/// `warden eval`: decides one request (or a file of requests) against policy files, the way the
/// gateway would, and optionally explains the decision.
public struct EvalCommand: StreamCommand {
    /// Describes the command for `warden help eval`.
    public static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Decide a request against policy files, and explain why.",
        discussion: """
            Loads the policies, resolves the scope (every loaded policy unless --scope or --group \
            is given) and decides the request the way the gateway does: any deny -> deny, else any \
            allow -> allow, else undefined (an implicit deny). Without --actor the actor is absent; \
            with --no-scope the caller has no scope (an actor without a scope); either way the \
            context is incomplete and strict mode (on unless --no-strict) denies without evaluating \
            policies, while --no-strict allows.

            --format json prints one object: {"decision", "policies", "errors", "revision"}, errors \
            as {"policy", "message"} objects. --explain adds every policy of the scope with its \
            result, each condition's field value, compared value and outcome, and the trace of each \
            expression (as an "explanation" list with --format json).

            --requests FILE reads one JSON request per line (`-` for standard input): \
            {"actor": {"id", "meta"} | null, "action", "resource", "meta", "scope", "groups"}, and \
            prints one JSON result per line, {"line": N, "decision", ...}, or {"line": N, "error"} \
            for a line that cannot be read (the other lines are still evaluated).

            Exit codes: 0 allow (with --requests: every request allowed), 2 deny or undefined \
            (some request not allowed), 3 invalid input (policies that do not load, bad arguments, \
            bad JSON, an unknown scope id or group, a bad request line).

            Examples:
              warden eval --policies policies --group app.security:tenants \\
                --actor tenant:acme --actor-meta '{"tier":"free"}' \\
                --action process.spawn.linked --resource app.workers:handler
              warden eval --policies policies --scope app.security:admin_all --actor ops \\
                --actor-meta '{"role":"admin"}' --action process.terminate \\
                --resource '{app:processes|0x00002}' --format json --explain
              cat requests.jsonl | warden eval --policies policies --requests -
            """
    )

    /// Policy files and directories.
    @Option(parsing: .upToNextOption, help: ArgumentHelp("Policy files or directories (several may follow one flag).", valueName: "path"))
    public var policies: [String] = []

    /// Policy ids in the scope.
    @Option(help: ArgumentHelp("Policy ids (namespace:name) in the scope; repeat or separate with commas.", valueName: "id,..."))
    public var scope: [String] = []

    /// Group ids in the scope.
    @Option(help: ArgumentHelp("Group ids (namespace:group) in the scope; repeat or separate with commas.", valueName: "id,..."))
    public var group: [String] = []

    /// Whether the caller has no scope at all (not even every policy).
    @Flag(help: "The caller has no scope: strict mode denies, --no-strict allows, without evaluating policies.")
    public var noScope = false

    /// The actor's id; absent means no actor.
    @Option(help: "The actor's id; without it the request has no actor.")
    public var actor: String?

    /// The actor's meta as a JSON object.
    @Option(
        help: ArgumentHelp("The actor's meta, a JSON object.", valueName: "json"),
        transform: { text in try JSONArgument.object(text) })
    public var actorMeta: [String: Value]?

    /// The action.
    @Option(help: "The action, e.g. process.spawn.")
    public var action: String?

    /// The resource.
    @Option(help: "The resource, e.g. app.workers:handler or {app:processes|0x00002}.")
    public var resource: String?

    /// The request attributes as a JSON object.
    @Option(
        help: ArgumentHelp("The request attributes, a JSON object.", valueName: "json"),
        transform: { text in try JSONArgument.object(text) })
    public var meta: [String: Value]?

    /// Strict mode: deny when there is no actor or no scope.
    @Flag(inversion: .prefixedNo, help: "Deny requests without an actor or a scope (strict mode, the default).")
    public var strict = true

    /// Text or JSON output.
    @Option(help: "Output format: text or json (with --requests, always JSON lines).")
    public var format: OutputFormat?

    /// Whether to explain the decision.
    @Flag(help: "List every policy of the scope with its result, conditions and expression trace.")
    public var explain = false

    /// A JSON-lines file of requests, or `-` for standard input.
    @Option(help: ArgumentHelp("Evaluate one JSON request per line of this file (- for standard input).", valueName: "file"))
    public var requests: String?

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Checks the combination of options.
    public func validate() throws {
        guard !policies.isEmpty else { throw ValidationError("give the policies with `--policies PATH`") }
        if !scope.isEmpty, IDList.split(scope).isEmpty {
            throw ValidationError("`--scope` names no policy id; write `--scope namespace:name`")
        }
        if !group.isEmpty, IDList.split(group).isEmpty {
            throw ValidationError("`--group` names no group id; write `--group namespace:group`")
        }
        if noScope, !scope.isEmpty || !group.isEmpty {
            throw ValidationError("`--no-scope` cannot be combined with `--scope` or `--group`; drop one of them")
        }
        if requests != nil {
            let single = [("--actor", actor != nil), ("--actor-meta", actorMeta != nil), ("--action", action != nil),
                ("--resource", resource != nil), ("--meta", meta != nil)]
            if let (flag, _) = single.first(where: \.1) {
                throw ValidationError(
                    "`\(flag)` cannot be combined with `--requests`; each line gives its own actor, action, resource and meta")
            }
            if format == .text {
                throw ValidationError("`--requests` prints JSON lines; drop `--format text`")
            }
            return
        }
        if action == nil { throw ValidationError("missing `--action`; write e.g. `--action process.spawn`") }
        if resource == nil { throw ValidationError("missing `--resource`; write e.g. `--resource app.workers:handler`") }
        if actorMeta != nil, actor == nil {
            throw ValidationError("`--actor-meta` needs `--actor`; a request without an actor has no actor meta")
        }
    }

    /// Runs with the process's standard streams.
    public func run() throws { try runWithStandardStreams() }

    /// The command line's scope; `nil` when neither `--scope` nor `--group` is given.
    var scopeSpec: ScopeSpec? {
        let spec = ScopeSpec(policies: IDList.split(scope), groups: IDList.split(group))
        return spec.isEmpty ? nil : spec
    }

    /// Loads the policies and decides the request(s).
    public func execute(_ io: CommandIO) -> WardenExitCode {
        guard let set = PolicyLoading.load(policies, io: io) else { return .invalidInput }
        if let requests {
            return BulkEvaluation(set: set, scope: scopeSpec, noScope: noScope, strict: strict, explain: explain)
                .run(path: requests, io: io)
        }
        var resolved: ResolvedScope?
        if !noScope {
            switch set.resolve(scopeSpec) {
            case .success(let scope): resolved = scope
            case .failure(let error):
                io.errors.line("error: \(error.message)\n  hint: \(error.hint)")
                return .invalidInput
            }
        }
        let request = AuthorizationRequest(
            actor: actor.map { Actor(id: $0, meta: actorMeta ?? [:]) }, action: action ?? "", resource: resource ?? "",
            meta: meta ?? [:])
        let decision = set.authorize(request, scope: resolved, strict: strict)
        switch format ?? .text {
        case .json:
            var object = DecisionRendering.json(decision, revision: set.revision)
            if explain {
                // Without a scope no policy is evaluated, so there is nothing to explain.
                let explanation = resolved.map { ExplanationRendering.json(set.explain(request, in: $0), in: set) }
                object.add("explanation", explanation ?? [])
            }
            io.output.line(object.text)
        case .text:
            let gap = ContextGap(hasActor: request.actor != nil, hasScope: resolved != nil)
            for line in DecisionRendering.text(decision, revision: set.revision, strict: strict, gap: gap) {
                io.output.line(line)
            }
            if explain, let resolved {
                io.output.line()
                for line in ExplanationRendering.text(set.explain(request, in: resolved), in: set) { io.output.line(line) }
            }
        }
        return DecisionRendering.exitCode(decision)
    }
}
