import Foundation
import Logging
import WardenAuditLog
import WardenAuditReview
import WardenGateway
import WardenLocalRuntime
import WardenPolicy
import WardenRuntime
import WardenValue

/// `warden bench --gateway`: the same mix of process calls on the bare built-in runtime and
/// behind the gateway with the chosen audit sink and mode, alternating, in one run.
struct GatewayBench {
    /// Where the gateway's records go.
    enum Sink: String, CaseIterable, Sendable {
        /// A JSON Lines file.
        case jsonl
        /// An SQLite database.
        case sqlite
        /// Nowhere: records are sealed and dropped (the gateway's own cost).
        case discard
    }

    /// The per-kind latencies of both variants.
    struct Measurement {
        /// Bare runtime, by kind.
        var bare: [GatewayBenchMix.Kind: LatencySummary]
        /// Behind the gateway, by kind.
        var gateway: [GatewayBenchMix.Kind: LatencySummary]
        /// Records the gateway wrote.
        var records: Int
    }

    var policies: PolicySet
    var security: SecurityContext
    var sink: Sink
    var auditPath: String?
    var mode: DeliveryMode
    var rounds: Int
    var passes: Int

    /// Runs `passes` bare and `passes` gateway runs of `rounds` rounds each, alternating.
    /// - Throws: ``CommandFailure`` when the audit sink cannot be opened or a call of the mix fails
    ///   (a policy set that denies one of them, for instance).
    func run() async throws(CommandFailure) -> Measurement {
        let bare = GatewayBenchMix.Samples()
        let guarded = GatewayBenchMix.Samples()
        var records = 0
        for _ in 0..<passes {
            try await runOnce(gateway: false, into: bare)
            records += try await runOnce(gateway: true, into: guarded)
        }
        return Measurement(
            bare: bare.all.mapValues(LatencySummary.init), gateway: guarded.all.mapValues(LatencySummary.init),
            records: records)
    }

    /// One run on a fresh runtime; returns the records written (0 bare).
    @discardableResult
    private func runOnce(gateway withGateway: Bool, into samples: GatewayBenchMix.Samples) async throws(CommandFailure)
        -> Int
    {
        let runtime = LocalRuntime()
        runtime.addHost(GatewayBenchMix.host, maxProcesses: 4096)
        runtime.register(GatewayBenchMix.echo, body: GatewayBenchMix.echoBody)
        runtime.register(GatewayBenchMix.child, body: GatewayBenchMix.childBody)
        runtime.register(GatewayBenchMix.driver, body: GatewayBenchMix.driverBody(samples))
        var log: AuditLog?
        var counter: CountingSink?
        let front: any ProcessRuntime
        var scratch: String?
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        if withGateway {
            var path = auditPath
            if path == nil, sink != .discard {
                let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "warden-bench-\(UUID().uuidString)"
                ).path
                do {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    throw .failed(
                        "cannot create a temporary directory for the audit log at \(UserText.quoted(directory))")
                }
                scratch = directory
                path = directory + (sink == .sqlite ? "/audit.db" : "/audit.jsonl")
            }
            let opened = try openSink(at: path ?? "")
            counter = opened
            let audit = AuditLog(
                node: "bench", sink: opened, mode: mode, failurePolicy: .failClosed,
                logger: Logger(label: "warden.bench"))
            log = audit
            front = Gateway(wrapping: runtime, policies: PolicyStore(policies), audit: audit)
        } else {
            front = runtime
        }
        do throws(ProcessError) {
            _ = try await front.start(
                StartRequest(
                    definition: GatewayBenchMix.echo, host: GatewayBenchMix.host, security: security,
                    name: GatewayBenchMix.echoName))
            let driver = try await front.start(
                StartRequest(
                    definition: GatewayBenchMix.driver, host: GatewayBenchMix.host, args: [.int(rounds)],
                    security: security))
            let ended: ExitResult
            do throws(CancellationError) {
                ended = try await driver.result()
            } catch {
                throw ProcessError(.internal, "the bench was cancelled")
            }
            switch ended {
            case .value(.int(rounds)): break
            case let other:
                throw ProcessError(.internal, "the driver ended with `\(other)` instead of \(rounds) rounds")
            }
        } catch {
            await runtime.shutdown()
            await log?.shutdown()
            throw .failed(
                "the \(withGateway ? "gateway" : "bare") run failed: \(error.kind.rawValue): \(error.message); "
                    + "hint: the policies must allow the mix's send, spawn, host and registry calls for the caller")
        }
        await runtime.shutdown()
        await log?.shutdown()
        return counter?.count ?? 0
    }

    private func openSink(at path: String) throws(CommandFailure) -> CountingSink {
        do throws(AuditError) {
            switch sink {
            case .discard: return CountingSink(DiscardingSink())
            case .jsonl: return CountingSink(try JSONLFileSink(path: path))
            case .sqlite: return CountingSink(try SQLiteAuditSink(path: path))
            }
        } catch {
            throw .failed(
                "cannot open the audit \(sink.rawValue) sink at \(UserText.quoted(path)): \(error.message); "
                    + "hint: give a writable path with `--audit FILE`")
        }
    }
}
