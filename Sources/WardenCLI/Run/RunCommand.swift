import ArgumentParser
import Foundation
import WardenAuditLog
import WardenPolicy
import WardenRegistry
import WardenRuntime
import WardenValue

/// `warden run TREE`: the tree's Lua processes and services on the built-in runtime behind the
/// gateway, with the tree's policies and an audit log.
struct RunCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a registry tree's Lua processes and services behind the gateway.",
        discussion: """
            Loads the tree (policies, `process.lua`, `function.lua`, `library.lua`, hosts and \
            services), starts every `auto_start` service and runs until SIGINT or SIGTERM, then \
            cancels the services (--shutdown-timeout), terminates what is left and flushes the \
            audit log. With -x it runs one entry as a process and exits with its status; with \
            --test it runs the tree's test functions and exits 0 only when none failed.
            """
    )

    @Argument(help: "The registry tree: a directory or YAML files.")
    var tree: String

    @Argument(help: "With --test, a glob the test ids must match (`app.test:*`).")
    var pattern: String?

    @Option(
        name: [.customShort("x"), .customLong("exec")],
        help: ArgumentHelp(
            "Run one process.lua or function.lua entry on HOST (default: the tree's terminal.host) and exit with its result.",
            valueName: "[HOST/]ENTRY"))
    var exec: String?

    @Flag(help: "Run every function.lua entry with `meta.type: test` (matching PATTERN).")
    var test = false

    @Option(help: "Seconds each test may run.")
    var testTimeout = 30.0

    @Option(help: "Seconds services have to stop after the cancel at shutdown.")
    var shutdownTimeout = 5.0

    @Option(
        help:
            "The audit log: a JSON Lines file (created if missing, appended to otherwise) or a PostgreSQL URL `postgres://user@host:port/db`."
    )
    var audit = "warden-run-audit.jsonl"

    @Option(
        help: "The writing node's name in every record (its own chain in a PostgreSQL store); default: the host name.")
    var node: String?

    @Option(help: "Audit delivery mode: async, sync or durable.")
    var mode: DeliveryMode = .durable

    @OptionGroup var strictness: StrictOption

    func validate() throws {
        if pattern != nil, !test { throw ValidationError("a PATTERN is given only with --test") }
        if test, exec != nil { throw ValidationError("give either --test or -x, not both") }
        for (name, value) in [("--test-timeout", testTimeout), ("--shutdown-timeout", shutdownTimeout)]
        where !(value > 0 && value.isFinite && value < 86_400) {
            throw ValidationError("invalid \(name) `\(value)`: give a positive number of seconds")
        }
    }

    func run() async throws { try await runWithStandardStreams() }

    /// Runs the command with `io` until SIGINT or SIGTERM (or the entry, or the tests, end).
    func execute(_ io: CommandIO) async throws -> WardenExitCode {
        .program(try await execute(io: io))
    }

    /// Runs the command with `io`; returns the exit status. Load problems throw ``CommandFailure``.
    func execute(io: CommandIO, stop: (@Sendable () async -> Void)? = nil) async throws -> Int32 {
        let loaded = RegistryLoader().load(paths: [tree])
        let compiled = loaded.policies.compile()
        let problems = (loaded.diagnostics + compiled.diagnostics).sortedByMark()
        for warning in problems where !warning.isError { io.errors.line(warning.description) }
        guard !problems.containsErrors, let policySet = compiled.policySet else {
            throw CommandFailure.policiesDidNotLoad(problems.filter(\.isError), what: "the tree")
        }
        for line in loaded.ignoredLines { io.errors.line(line) }
        var target: ExecTarget?
        var testHost: String?
        if test {
            testHost = try Self.testHost(in: loaded)
            if strictness.strict,
                let warning = Self.unguardedWarning(TestSelection.tests(in: loaded, matching: pattern))
            {
                io.errors.line(warning)
            }
        } else if let exec {
            let parsed = try ExecTarget(parsing: exec, in: loaded)
            let entries = loaded.luaEntry(parsed.entry).map { [$0] } ?? []
            if strictness.strict, let warning = Self.unguardedWarning(entries) { io.errors.line(warning) }
            target = parsed
        }
        // Signals are caught from here on: one that arrives while services start still leads
        // to the ordered shutdown below.
        let signals = test || exec != nil || stop != nil ? nil : SignalWait()
        let app = try RunApplication(
            tree: loaded, policySet: policySet, sources: [tree],
            options: RunOptions(
                audit: audit, node: try AuditDestination.checkedNode(node ?? AuditDestination.defaultNode), mode: mode,
                strict: strictness.strict), io: io)
        let status: Int32
        if let testHost {
            status = await TestRun(app: app, host: testHost, limit: .milliseconds(Int64(testTimeout * 1000)), io: io)
                .run(TestSelection.tests(in: loaded, matching: pattern))
        } else {
            app.services.start(ServiceOrder(services: loaded.services))
            if let target {
                status = await Self.runExec(target, on: app, io: io)
            } else {
                if let stop { await stop() } else { await signals?.wait() }
                status = 0
            }
        }
        await app.shutdown(deadline: .milliseconds(Int64(shutdownTimeout * 1000)))
        if let failure = app.log.failure { throw CommandFailure.invalid("the audit log failed: \(failure.message)") }
        return status
    }

    static func runExec(_ target: ExecTarget, on app: RunApplication, io: CommandIO) async -> Int32 {
        let result: ExitResult
        do { result = try await app.exec(target.entry, host: target.host) } catch { result = .error(error) }
        let outcome = ExecOutcome(result)
        if let message = outcome.message { io.errors.line("\(target.entry): \(message)") }
        return outcome.status
    }

    /// The warning for root entries (the `-x` entry, the `--test` functions) that strict mode
    /// will not let act: a root process runs with its entry's `security` block only, and without
    /// an actor or a scope each of its guarded calls is denied (as Wippy trees without policies
    /// are written). `nil` when every entry has both.
    static func unguardedWarning(_ entries: [LuaEntry]) -> String? {
        let unguarded = entries.compactMap { entry in missingSecurity(entry).map { (entry.id, $0) } }
        guard let (id, missing) = unguarded.first else { return nil }
        if unguarded.count == 1 {
            return "warning: \(UserText.quoted(id)) runs without \(missing) (see its `security` block), so strict "
                + "mode denies each of its `process.*` calls and those of the processes it starts"
                + "\n  hint: give the entry `security: {actor: {id: ...}, groups: [...]}` with policies that allow "
                + "its calls, or run with --no-strict"
        }
        let shown = unguarded.prefix(5).map { UserText.quoted($0.0) }.joined(separator: ", ")
        let more = unguarded.count > 5 ? ", ..." : ""
        return "warning: \(unguarded.count) entries run without an actor or a scope (\(shown)\(more)), so strict "
            + "mode denies each of their `process.*` calls and those of the processes they start"
            + "\n  hint: give the entries `security: {actor: {id: ...}, groups: [...]}` with policies that allow "
            + "their calls, or run with --no-strict"
    }

    /// What a root process of `entry` lacks to act in strict mode, `nil` when nothing: its
    /// context is the entry's `security` block applied to an empty one, as the runtime starts it.
    private static func missingSecurity(_ entry: LuaEntry) -> String? {
        let context = entry.security?.applied(to: SecurityContext()) ?? SecurityContext()
        return ContextGap(hasActor: context.actor != nil, hasScope: context.scope != nil).missing
    }

    /// The first `process.host` of the tree, where tests run.
    static func testHost(in tree: RegistryTree) throws -> String {
        guard let host = tree.hosts.first(where: { !$0.isTerminal }) else {
            throw CommandFailure.invalid(
                "the tree has no `process.host` entry to run tests on; hint: add `kind: process.host`")
        }
        return host.id
    }
}
