import Synchronization
import WardenAuditLog
import WardenPolicy
import WardenRuntime
import WardenValue

/// The gateway for runtimes in other processes: each ``RemoteCall`` goes through the
/// in-process ``Gateway`` itself (validation, destination resolution, the permission table, one
/// snapshot of the policies, one audit record, fail-closed on an audit failure), with the
/// calling runtime's facts standing in for a local runtime.
public struct RemoteGateway: Sendable {
    /// Where the policy set comes from.
    public let store: PolicyStore
    /// Where the records go.
    public let audit: AuditLog
    /// Strict mode and other decision settings.
    public let configuration: GatewayConfiguration

    /// Creates a remote gateway over the same parts an in-process gateway takes.
    public init(policies store: PolicyStore, audit: AuditLog, configuration: GatewayConfiguration = .default) {
        self.store = store
        self.audit = audit
        self.configuration = configuration
    }

    /// Authorizes `call` and writes its record; the caller must not proceed without `allow`.
    public func authorize(_ call: RemoteCall) async -> RemoteVerdict {
        let report = RecordSlot()
        let gateway = Gateway(
            wrapping: RemoteCallRuntime(facts: call.facts), policies: store, audit: audit,
            configuration: configuration, recordObserver: { record in report.value.withLock { $0 = record } })
        let caller = call.caller
        var failure: ProcessError?
        do throws(ProcessError) {
            switch call.operation {
            case .send(let destination, let topic, let payload):
                try await gateway.send(destination, topic: topic, payload: payload, caller: caller)
            case .spawn(let request): _ = try await gateway.spawn(request, caller: caller)
            case .exec(let definition, let host, let args):
                _ = try await gateway.exec(definition: definition, host: host, args: args, caller: caller)
            case .terminate(let destination): try await gateway.terminate(destination, caller: caller)
            case .cancel(let destination, let deadline):
                try await gateway.cancel(destination, deadline: deadline, caller: caller)
            case .monitor(let destination): try await gateway.monitor(destination, caller: caller)
            case .unmonitor(let destination): try await gateway.unmonitor(destination, caller: caller)
            case .link(let destination): try await gateway.link(destination, caller: caller)
            case .unlink(let destination): try await gateway.unlink(destination, caller: caller)
            case .register(let name, let pid): try await gateway.register(name, pid: pid, caller: caller)
            case .unregister(let name): _ = try await gateway.unregister(name, caller: caller)
            case .upgrade(let definition, let args):
                try await gateway.upgrade(to: definition, args: args, caller: caller)
            }
        } catch {
            failure = error
        }
        return RemoteVerdict(record: report.value.withLock { $0 }, error: failure)
    }
}

/// The answer to a ``RemoteCall``.
public struct RemoteVerdict: Sendable {
    /// The record the gateway wrote (or tried to write); `nil` for a call that was never
    /// authorized (upgrading to the caller's own definition is unguarded).
    public var record: GatewayRecord?
    /// Why the call must not proceed: `PERMISSION_DENIED`, `INVALID`, `NOT_FOUND`, or `INTERNAL`
    /// when the record could not be written.
    public var error: ProcessError?

    /// Whether the caller may proceed: no error and, when a record was made, it says `allow`
    /// and was written.
    public var isAllowed: Bool {
        guard error == nil else { return false }
        guard let record else { return true }
        return record.written && record.entry.decision == .allow
    }
}

/// Where the gateway's record observer leaves the one record of a remote call.
private final class RecordSlot: Sendable {
    let value = Mutex<GatewayRecord?>(nil)
}
