import ArgumentParser
import WardenGateway
import WardenPolicy
import WardenValue

/// `warden check`: a permission dry-run of one call; nothing is executed.
struct CheckCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Dry-run one process call: every permission it needs, each decision, and the verdict.",
        discussion: """
            The call is written as in the process API: `send DEST TOPIC`, `spawn ID HOST` (and \
            spawn_monitored, spawn_linked, spawn_linked_monitored, exec), `terminate DEST` (and cancel, \
            monitor, unmonitor, link, unlink), `register NAME`, `unregister NAME`, `upgrade ID`, \
            `with_context`, `with_actor`, `with_scope`, `with_name NAME`. The permissions come from the \
            same table the gateway enforces. A PID or name destination is taken as given.

            Without --scope or --group the caller's scope is every loaded policy. Without --actor the \
            caller has no actor, which strict mode (the default) denies.

            Exit status: 0 allowed, 2 denied, 3 invalid policies or arguments.

            Example:
              warden check --policies policies --actor tenant:acme --actor-meta '{"tier":"free"}' \\
                --group app.security:tenants spawn_linked app.workers:handler app:processes
            """,
    )

    @OptionGroup var policies: PolicyOptions

    @OptionGroup var caller: CallerOptions

    @Option(name: .customLong("pid"), help: "The caller's PID (the `pid` attribute).")
    var pid = "{warden:check|0x00000001}"

    @Option(help: "The current owner PID of the name, for `unregister` or a taken `--with-name`.")
    var owner: String?

    @Option(help: "For spawns: the spawner's `with_name` name.")
    var withName: String?

    @Flag(help: "For spawns: the spawner carries `with_context` values.")
    var withContext = false

    @Flag(help: "For spawns: the spawner replaces the actor (`with_actor`).")
    var withActor = false

    @Flag(help: "For spawns: the spawner replaces the scope (`with_scope`).")
    var withScope = false

    @Option(help: "For spawns with --with-name: how many `with_message` messages are queued.")
    var messages = 0

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The call and its operands, e.g. `send app.cache get`.")
    var call: [String] = []

    func run() async throws { try await runWithStandardStreams() }

    /// Plans the call's checks and decides them; 0 allowed, 2 denied, 3 invalid input.
    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let builder = CallFacts.BuilderOptions(
            context: withContext, actor: withActor, scope: withScope, name: withName, queuedMessages: messages)
        let checks: [PlannedCheck]
        do {
            let dryRun = try DryRunCall(arguments: call, callerPID: pid, owner: owner, builder: builder)
            checks = try CheckPlanner.plan(dryRun.facts)
        } catch {
            throw .invalid("\(error)")
        }
        let set = try policies.load(io)
        let scope = try caller.resolveScope(in: set)
        let verdict = set.decide(checks, actor: caller.actorValue, scope: .success(scope), strict: caller.strict)
        let report = CheckReport(call: call.joined(separator: " "), verdict: verdict)
        io.output.line(format == .json ? report.json : report.text)
        return verdict.isAllowed ? .success : .denied
    }
}
