import WardenAuditLog
import WardenPolicy
import WardenRuntime
import WardenValue

/// The authorizing decorator over any ``ProcessRuntime``.
///
/// Every guarded call is validated (`INVALID`), its destination resolved (`NOT_FOUND`), then
/// turned into the checks of the ``PermissionTable`` and evaluated against one snapshot of the
/// ``PolicyStore``. One audit record is written per guarded call, allowed or denied; only then
/// does an allowed call reach the wrapped runtime. A denied call never does.
///
/// Processes started through ``start(_:)`` make all their calls (and their children's) through
/// the gateway: it passes itself as the start request's front runtime.
public final class Gateway: ProcessRuntime {
    /// The runtime allowed calls are forwarded to.
    public let inner: any ProcessRuntime
    /// Where the policy set comes from.
    public let store: PolicyStore
    /// Where the records go.
    public let audit: AuditLog
    /// Strict mode and other decision settings.
    public let configuration: GatewayConfiguration
    /// Told of every record the gateway hands to the audit log, written or not.
    let recordObserver: (@Sendable (GatewayRecord) -> Void)?

    /// Creates a gateway in front of `inner`.
    /// - Parameter recordObserver: called with every call's record once the audit log took it
    ///   (or refused it), before the call is forwarded or refused.
    public init(
        wrapping inner: any ProcessRuntime, policies store: PolicyStore, audit: AuditLog,
        configuration: GatewayConfiguration = .default,
        recordObserver: (@Sendable (GatewayRecord) -> Void)? = nil
    ) {
        self.inner = inner
        self.store = store
        self.audit = audit
        self.configuration = configuration
        self.recordObserver = recordObserver
    }

    // MARK: Destination calls

    /// Authorizes `process.send` on the resolved target, then delivers to that PID.
    public func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        async throws(ProcessError)
    {
        var target = Self.destinationTarget(destination)
        target["topic"] = .string(topic)
        target["payload_count"] = .int(payload.count)
        target["payload_bytes"] = .int(payload.reduce(0) { $0 + $1.canonicalJSONByteCount })
        let pid = try await guardDestination(
            .send, destination, caller: caller, target: target, topic: topic
        ) { () throws(ProcessError) in try ArgumentCheck.topic(topic) }
        try await inner.send(.pid(pid), topic: topic, payload: payload, caller: caller)
    }

    /// Authorizes `process.terminate` on the resolved target, then terminates that PID.
    public func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        let pid = try await guardDestination(.terminate, destination, caller: caller)
        try await inner.terminate(.pid(pid), caller: caller)
    }

    /// Authorizes `process.cancel` on the resolved target, then cancels that PID.
    public func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller)
        async throws(ProcessError)
    {
        var target = Self.destinationTarget(destination)
        if let deadline { target["deadline"] = .string(deadline.description) }
        let pid = try await guardDestination(.cancel, destination, caller: caller, target: target)
        try await inner.cancel(.pid(pid), deadline: deadline, caller: caller)
    }

    /// Authorizes `process.monitor` on the resolved target, then monitors that PID.
    public func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        let pid = try await guardDestination(.monitor, destination, caller: caller)
        try await inner.monitor(.pid(pid), caller: caller)
    }

    /// Authorizes `process.unmonitor` on the resolved target, then removes the monitor.
    public func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        let pid = try await guardDestination(.unmonitor, destination, caller: caller)
        try await inner.unmonitor(.pid(pid), caller: caller)
    }

    /// Authorizes `process.link` on the resolved target, then links to that PID.
    public func link(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        let pid = try await guardDestination(.link, destination, caller: caller)
        try await inner.link(.pid(pid), caller: caller)
    }

    /// Authorizes `process.unlink` on the resolved target, then removes the link.
    public func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        let pid = try await guardDestination(.unlink, destination, caller: caller)
        try await inner.unlink(.pid(pid), caller: caller)
    }

    // MARK: Unguarded calls and queries

    /// Unguarded: forwarded as is.
    public func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID {
        try await inner.lookup(name, caller: caller)
    }

    /// Forwarded as is.
    public func resolve(_ destination: Destination) async throws(ProcessError) -> PID {
        try await inner.resolve(destination)
    }

    /// Forwarded as is.
    public func owner(ofName name: String) async -> PID? {
        await inner.owner(ofName: name)
    }

    /// Forwarded as is.
    public func definition(_ id: String) async -> DefinitionInfo? {
        await inner.definition(id)
    }

    /// Starts a root process whose calls, and its descendants', go through this gateway.
    /// Starting a root is the operator's act, not a process call: it is not authorized.
    public func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        var routed = request
        if routed.front == nil { routed.front = self }
        return try await inner.start(routed)
    }

    /// Shuts the wrapped runtime down. The audit log is not closed here: its owner shuts it down
    /// after the producers stopped, so everything queued is flushed.
    public func shutdown() async {
        await inner.shutdown()
    }

    // MARK: Helpers

    static func destinationTarget(_ destination: Destination) -> [String: Value] {
        // Room for what calls add (`pid`, `topic`, payload size, `deadline`) without regrowing.
        var target = [String: Value](minimumCapacity: 8)
        target["dest"] = .string(destination.description)
        if case .name(let name) = destination { target["name"] = .string(name) }
        return target
    }
}
