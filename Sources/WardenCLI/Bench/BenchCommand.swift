import ArgumentParser
import WardenAuditLog
import WardenPolicy
import WardenRuntime
import WardenValue

/// `warden bench`: what deciding and guarding cost, on the user's own policies and requests.
public struct BenchCommand: StreamCommand {
    /// Describes the command for `warden help bench`.
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the cost of decisions on your policies, or of the gateway on process calls.",
        discussion: """
            With --requests FILE (one JSON request per line, as for `warden eval --requests`): loads the \
            policies (timed), resolves every line's scope once, then decides every request --passes \
            times one by one and prints nanoseconds per decision (p50, p90, p99; the cost of reading \
            the clock subtracted), decisions per second (whole passes, untimed per request), heap \
            allocations per decision (where the build can count them) and the decisions by outcome.

            With --gateway: runs a mix of process calls (ping-pong round trips, spawns, registry \
            register + unregister) on the built-in runtime, alternately bare and behind the gateway \
            with the chosen audit sink and mode, and prints each kind's latency percentiles for both \
            and the ratio of the medians. Without --policies the gateway enforces one allow-all \
            policy; the caller is --actor (default bench:driver) with the --scope/--group scope \
            (default: every policy).

            --format json prints one object for scripts.

            Exit codes: 0 measured, 1 a run failed (a call of the mix was refused, the audit sink \
            failed), 3 invalid input (policies that do not load, a bad request line, bad arguments).

            Examples:
              warden bench --policies policies --requests requests.jsonl
              warden bench --gateway --mode async --sink jsonl --format json
            """
    )

    /// The policies: `--policies PATH`, repeated; default `policies/` (with `--gateway`: one
    /// allow-all policy when none is given).
    @OptionGroup public var policies: PolicyOptions

    /// The caller: `--actor` (with `--gateway`, default `bench:driver`), `--actor-meta`,
    /// `--scope`, `--group`, `--strict` / `--no-strict`.
    @OptionGroup public var caller: CallerOptions

    /// The JSON-lines request file.
    @Option(
        help: ArgumentHelp("Decide one JSON request per line of this file (- for standard input).", valueName: "file"))
    public var requests: String?

    /// Passes over the requests (or runs of the mix per variant).
    @Option(help: "Timed passes over the requests, or runs of the mix per variant with --gateway.")
    public var passes = 7

    /// Measure the gateway instead of decisions.
    @Flag(help: "Measure process calls behind the gateway against the bare runtime.")
    public var gateway = false

    /// Rounds of the mix per run.
    @Option(
        help: "With --gateway: rounds of the mix per run (one round trip, one spawn, one register + unregister each).")
    public var rounds = 2_000

    /// The audit sink of the gateway.
    @Option(help: "With --gateway: where records go: jsonl, sqlite or discard.")
    public var sink = "jsonl"

    /// The audit file.
    @Option(
        help: ArgumentHelp(
            "With --gateway: the audit file (default: a temporary one, removed after the run).", valueName: "file"))
    public var audit: String?

    /// The audit delivery mode.
    @Option(help: "With --gateway: audit delivery mode: async, sync or durable.")
    public var mode: DeliveryMode = .async

    /// Text or JSON output.
    @Option(help: "Output format: text or json.")
    public var format: OutputFormat = .text

    /// Creates the command with default options (ArgumentParser fills them in).
    public init() {}

    /// Checks the combination of options.
    public func validate() throws {
        guard passes >= 1 else { throw ValidationError("`--passes` must be at least 1, got \(passes)") }
        if gateway {
            if requests != nil {
                throw ValidationError("`--requests` measures decisions and `--gateway` process calls; give one of them")
            }
            guard rounds >= 1 else { throw ValidationError("`--rounds` must be at least 1, got \(rounds)") }
            guard GatewayBench.Sink(rawValue: sink) != nil else {
                throw ValidationError("unknown sink `\(UserText.excerpt(sink))`; use jsonl, sqlite or discard")
            }
            if sink == "discard", audit != nil {
                throw ValidationError("`--audit` names a file, and `--sink discard` writes none; drop one of them")
            }
            return
        }
        guard requests != nil else {
            throw ValidationError(
                "give `--requests FILE` to measure decisions, or `--gateway` to measure process calls")
        }
        let gatewayOnly = [
            ("--audit", audit != nil), ("--actor-meta", caller.actorMeta != nil), ("--sink", sink != "jsonl"),
            ("--rounds", rounds != 2_000), ("--mode", mode != .async), ("--actor", caller.actor != nil),
        ]
        if let (flag, _) = gatewayOnly.first(where: \.1) {
            throw ValidationError("`\(flag)` applies to `--gateway`; request lines give their own actor")
        }
    }

    /// Runs with the process's standard streams.
    public func run() async throws { try await runWithStandardStreams() }

    /// Measures and prints.
    public func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        gateway ? try await executeGateway(io) : try executeDecisions(io)
    }
}
