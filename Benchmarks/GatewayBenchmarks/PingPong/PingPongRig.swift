import Foundation
import WardenAuditLog
import WardenGateway
import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// A local runtime with a running echo process, bare or behind a gateway with a file audit log.
final class PingPongRig: Sendable {
    /// The runtime the processes live in.
    let runtime: LocalRuntime
    /// Where processes are started: the runtime itself, or the gateway in front of it.
    let front: any ProcessRuntime
    /// The gateway's audit log, when there is a gateway.
    let audit: TemporaryAuditLog?

    private init(runtime: LocalRuntime, front: any ProcessRuntime, audit: TemporaryAuditLog?) {
        self.runtime = runtime
        self.front = front
        self.audit = audit
    }

    private static func makeRuntime() -> LocalRuntime {
        let runtime = LocalRuntime()
        runtime.addHost(BenchmarkPolicies.host, maxProcesses: 64)
        runtime.register("app.workers:pong", body: PingPongBodies.pong)
        runtime.register("app.workers:ping", body: PingPongBodies.ping)
        return runtime
    }

    /// The bare runtime.
    static func bare() async throws -> PingPongRig {
        let runtime = makeRuntime()
        return try await PingPongRig(runtime: runtime, front: runtime, audit: nil).startingPong()
    }

    /// The runtime behind a gateway whose audit log writes a JSONL file in `mode`.
    static func gateway(mode: DeliveryMode) async throws -> PingPongRig {
        let runtime = makeRuntime()
        let audit = try TemporaryAuditLog(mode: mode)
        let gateway = Gateway(wrapping: runtime, policies: BenchmarkPolicies.store(), audit: audit.log)
        return try await PingPongRig(runtime: runtime, front: gateway, audit: audit).startingPong()
    }

    private func startingPong() async throws -> PingPongRig {
        _ = try await front.start(
            StartRequest(
                definition: "app.workers:pong", host: BenchmarkPolicies.host, security: BenchmarkPolicies.worker,
                name: PingPongBodies.pongName))
        return self
    }

    /// Starts a ping process making `rounds` round trips and waits for it.
    func run(rounds: Int) async throws {
        let ping = try await front.start(
            StartRequest(
                definition: "app.workers:ping", host: BenchmarkPolicies.host, args: [.int(rounds)],
                security: BenchmarkPolicies.worker))
        switch try await ping.result() {
        case .value(.int(rounds)): return
        case let other: throw ProcessError(.internal, "ping ended with `\(other)` instead of `\(rounds)` round trips")
        }
    }

    /// Stops the processes, then the audit log.
    func close() async {
        await runtime.shutdown()
        await audit?.close()
    }
}
