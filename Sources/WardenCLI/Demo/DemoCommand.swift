import ArgumentParser
import Foundation
import Logging
import WardenAuditLog
import WardenAuditRecord
import WardenDemo
import WardenGateway
import WardenLocalRuntime
import WardenPolicy
import WardenRuntime

/// `warden demo`: the whole loop on one machine: the built-in runtime behind the gateway, a small
/// application making allowed and denied calls, and the audit log it leaves.
struct DemoCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a small application behind the gateway and show every allowed and denied call.",
        discussion: """
            A supervisor registers names, starts a named cache and linked workers on a host, exchanges \
            messages and cancels a slow job with a deadline; a free-tier tenant tries to stop the \
            supervisor and to use the application's host (both refused) before doing what it may; an \
            operator stops the supervisor. Every call is authorized against the policy tree and \
            written to the audit log, which `warden audit verify` checks.

            Running it again appends to the same log: the chain continues.
            """
    )

    @OptionGroup var policies: PolicyOptions

    @OptionGroup var strictness: StrictOption

    @Option(
        help:
            "The audit log: a JSON Lines file (created if missing, appended to otherwise) or a PostgreSQL URL `postgres://user@host:port/db`."
    )
    var audit = "warden-demo-audit.jsonl"

    @Option(
        help: "The writing node's name in every record (its own chain in a PostgreSQL store); default: the host name.")
    var node: String?

    @Option(help: "Audit delivery mode: async, sync or durable.")
    var mode: DeliveryMode = .durable

    @Option(
        name: .customLong("signing-key"),
        help: ArgumentHelp(
            "Sign checkpoints into the audit log with this key (NAME.key from `warden audit keygen`).",
            valueName: "file"))
    var signingKey: String?

    @Option(help: "With --signing-key, records between two checkpoints at most.")
    var checkpointEvery = 1000

    @Option(help: "With --signing-key, seconds a record may stay unsealed while the log is open.")
    var checkpointInterval = 10.0

    func run() async throws { try await runWithStandardStreams() }

    /// Runs the scenario and prints its summary; 0 when it ran through, 2 when the supervisor
    /// was stopped before it was ready (its calls were denied), 3 for invalid input or a failed log.
    func execute(_ io: CommandIO) async throws -> WardenExitCode {
        let checkpoints = try checkpointing()
        let paths = try policies.paths(io)
        let policySet = try PolicyOptions.load(paths)
        let shown = paths.joined(separator: ", ")
        let logger = Logger(label: "warden.demo")
        let nodeName = try AuditDestination.checkedNode(node ?? AuditDestination.defaultNode)
        let file: any AuditSink
        do {
            file = try AuditDestination.sink(for: audit, node: nodeName, logger: logger)
        } catch {
            throw CommandFailure.invalid("\(error)")
        }
        let collector = RecordCollector(head: file.chainHead)
        let sink = try MultiplexAuditSink([file, collector])
        let log = AuditLog(
            node: nodeName, sink: sink, mode: mode, failurePolicy: .failClosed, logger: logger, checkpoints: checkpoints
        )
        let runtime = LocalRuntime()
        DemoApplication.install(on: runtime)
        let gateway = Gateway(
            wrapping: runtime, policies: PolicyStore(policySet, sources: paths), audit: log,
            configuration: GatewayConfiguration(strict: strictness.strict))

        let outcome = try await Self.runScenario(on: gateway)
        await gateway.shutdown()
        await log.shutdown()

        let records = collector.collected.filter { !$0.isCheckpoint }
        let checkpointCount = collector.collected.count - records.count
        let results: [(String, ExitResult)]
        switch outcome {
        case .finished(let finished): results = finished
        case .supervisorStopped(let result): results = [("supervisor", result)]
        }
        io.output.line(
            DemoSummary(
                policies: shown, revision: policySet.revision, auditPath: audit, mode: mode,
                records: records, results: results,
                checkpoints: checkpointCount, publicKeyPath: signingKey.map(Self.publicKeyPath)
            ).text)
        if let failure = log.failure { throw CommandFailure.invalid("the audit log failed: \(failure.message)") }
        if case .supervisorStopped(let result) = outcome {
            io.errors.line(DemoSummary.earlyStop(result, records: records, policies: shown))
            return .denied
        }
        return .success
    }

    /// How the scenario ended: every root process finished, or the supervisor stopped before it
    /// was ready (its calls were denied), so the tenant and the operator never started.
    enum Outcome {
        case finished([(String, ExitResult)])
        case supervisorStopped(ExitResult)
    }

    /// The checkpoint configuration of `--signing-key`, `--checkpoint-every`, `--checkpoint-interval`.
    func checkpointing() throws -> AuditCheckpointing? {
        guard checkpointEvery > 0, checkpointInterval > 0, checkpointInterval.isFinite else {
            throw CommandFailure.invalid("invalid --checkpoint-every or --checkpoint-interval: give positive numbers")
        }
        guard let signingKey else { return nil }
        let key: AuditSigningKey
        do { key = try AuditSigningKey(contentsOf: signingKey) } catch { throw CommandFailure.invalid(error.message) }
        return AuditCheckpointing(
            key: key, everyRecords: checkpointEvery, interval: .milliseconds(Int64(checkpointInterval * 1000)))
    }

    /// Where `keygen` put the public half of the signing key `path` (`NAME.key` -> `NAME.pub`).
    static func publicKeyPath(_ path: String) -> String {
        path.hasSuffix(".key") ? String(path.dropLast(4)) + ".pub" : "PUBLIC_KEY"
    }

    /// Starts the supervisor, the tenant once the supervisor is ready, then the operator; returns
    /// how each root process ended, or how the supervisor ended when it stopped before it was ready.
    static func runScenario(on gateway: Gateway) async throws -> Outcome {
        let supervisor = try await gateway.start(
            StartRequest(definition: "app:supervisor", host: "app:processes", security: DemoApplication.supervisor))
        if case .stopped(let result) = try await SupervisorReadiness.wait(for: supervisor, on: gateway) {
            return .supervisorStopped(result)
        }
        let tenant = try await gateway.start(
            StartRequest(definition: "app.tenants:job", host: "app:tenants", security: DemoApplication.tenant))
        let tenantResult = try await tenant.result()
        let operatorHandle = try await gateway.start(
            StartRequest(definition: "admin:shutdown", host: "app:processes", security: DemoApplication.operatorContext)
        )
        let operatorResult = try await operatorHandle.result()
        return .finished([
            ("tenant job", tenantResult), ("operator", operatorResult), ("supervisor", try await supervisor.result()),
        ])
    }
}

extension DeliveryMode: ExpressibleByArgument {}
