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

    /// The policies: `--policies PATH`, repeated; default `policies/`.
    @OptionGroup public var policies: PolicyOptions

    /// The caller: `--actor`, `--actor-meta`, `--scope`, `--group`, `--strict` / `--no-strict`.
    @OptionGroup public var caller: CallerOptions

    /// Whether the caller has no scope at all (not even every policy).
    @Flag(help: "The caller has no scope: strict mode denies, --no-strict allows, without evaluating policies.")
    public var noScope = false

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

    /// Text or JSON output.
    @Option(help: "Output format: text or json (with --requests, always JSON lines).")
    public var format: OutputFormat?

    /// Whether to explain the decision.
    @Flag(help: "List every policy of the scope with its result, conditions and expression trace.")
    public var explain = false

    /// A JSON-lines file of requests, or `-` for standard input.
    @Option(
        help: ArgumentHelp("Evaluate one JSON request per line of this file (- for standard input).", valueName: "file")
    )
    public var requests: String?

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Checks the combination of options.
    public func validate() throws {
        if noScope, !caller.scope.isEmpty || !caller.group.isEmpty {
            throw ValidationError("`--no-scope` cannot be combined with `--scope` or `--group`; drop one of them")
        }
        if requests != nil {
            let single = [
                ("--actor", caller.actor != nil), ("--actor-meta", caller.actorMeta != nil),
                ("--action", action != nil),
                ("--resource", resource != nil), ("--meta", meta != nil),
            ]
            if let (flag, _) = single.first(where: \.1) {
                throw ValidationError(
                    "`\(flag)` cannot be combined with `--requests`; each line gives its own actor, action, resource and meta"
                )
            }
            if format == .text {
                throw ValidationError("`--requests` prints JSON lines; drop `--format text`")
            }
            return
        }
        if action == nil { throw ValidationError("missing `--action`; write e.g. `--action process.spawn`") }
        if resource == nil {
            throw ValidationError("missing `--resource`; write e.g. `--resource app.workers:handler`")
        }
    }

    /// Runs with the process's standard streams.
    public func run() async throws { try await runWithStandardStreams() }

    /// Loads the policies and decides the request(s).
    public func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let set = try policies.load(io)
        let strict = caller.strict
        if let requests {
            return BulkEvaluation(set: set, scope: caller.scopeSpec, noScope: noScope, strict: strict, explain: explain)
                .run(path: requests, io: io)
        }
        var resolved: ResolvedScope?
        if !noScope { resolved = try caller.resolveScope(in: set) }
        let request = AuthorizationRequest(
            actor: caller.actorValue, action: action ?? "", resource: resource ?? "", meta: meta ?? [:])
        let decision = set.decide(request, scope: resolved.map { .success($0) }, strict: strict)
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
                for line in ExplanationRendering.text(set.explain(request, in: resolved), in: set) {
                    io.output.line(line)
                }
            }
        }
        return DecisionRendering.exitCode(decision)
    }
}
