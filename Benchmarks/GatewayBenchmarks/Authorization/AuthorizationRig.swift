import Logging
import WardenAuditLog
import WardenGateway
import WardenPolicy
import WardenRuntime
import WardenValue

/// A gateway over ``NoOpRuntime`` whose `async` audit log discards records: a guarded call
/// costs what the gateway itself does (validate, resolve, plan, evaluate, build and encode
/// the entry, queue it; the writer thread seals it beside the caller).
final class AuthorizationRig: Sendable {
    /// The gateway under measurement.
    let gateway: Gateway
    /// The discarding log behind it.
    let log: AuditLog
    /// The policies, for the evaluation-only breakdown.
    let policies: PolicySet

    /// A worker sending to a peer on its host.
    let worker = Caller(
        pid: PID(host: BenchmarkPolicies.host, counter: 1), frame: "{app:workers|0x00000001}",
        definition: "app.workers:ping", security: BenchmarkPolicies.worker)
    /// The supervisor of the repository's policy tree.
    let supervisor = Caller(
        pid: PID(host: "app:processes", counter: 1), frame: "{app:processes|0x00000001}",
        definition: "app:supervisor",
        security: SecurityContext(
            actor: Actor(id: "app:supervisor", meta: ["role": "supervisor"]),
            scope: SecurityScope(groups: ["app.security:supervisors"])))
    /// The peer the worker sends to.
    let peer = Destination.pid(PID(host: BenchmarkPolicies.host, counter: 2))

    init() {
        policies = BenchmarkPolicies.load()
        log = AuditLog(
            node: "bench-1", sink: NullAuditSink(), mode: .async, failurePolicy: .failClosed,
            logger: Logger(label: "warden.bench.audit"))
        gateway = Gateway(wrapping: NoOpRuntime(), policies: PolicyStore(policies), audit: log)
    }

    /// Stops the log's writer thread.
    func close() async {
        await log.shutdown()
    }
}
