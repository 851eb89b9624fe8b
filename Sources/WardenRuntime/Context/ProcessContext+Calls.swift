import WardenValue

extension ProcessContext {
    /// Sends one message to a PID or registered name (`process.send`).
    nonisolated(nonsending) public func send(
        _ destination: some DestinationConvertible, topic: String, payload: [Value]
    )
        async throws(ProcessError)
    {
        try await front.send(destination.destination(), topic: topic, payload: payload, caller: caller)
    }

    /// Sends one message with variadic payload values.
    nonisolated(nonsending) public func send(
        _ destination: some DestinationConvertible, topic: String, _ payload: Value...
    )
        async throws(ProcessError)
    {
        try await send(destination, topic: topic, payload: payload)
    }

    /// Sends at once when the runtime can (``ProcessRuntime/sendNow(_:topic:payload:caller:)``);
    /// `nil` when the caller must `send` instead.
    public func sendNow(_ destination: Destination, topic: String, payload: [Value]) -> Result<Void, ProcessError>? {
        front.sendNow(destination, topic: topic, payload: payload, caller: caller)
    }

    /// `process.spawn(id, host, ...)`.
    nonisolated(nonsending) public func spawn(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError) -> PID
    {
        try await front.spawn(SpawnRequest(definition: definition, host: host, args: args), caller: caller)
    }

    /// `process.spawn_monitored(id, host, ...)`.
    nonisolated(nonsending) public func spawnMonitored(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError)
        -> PID
    {
        try await front.spawn(
            SpawnRequest(definition: definition, host: host, args: args, mode: .monitored), caller: caller)
    }

    /// `process.spawn_linked(id, host, ...)`.
    nonisolated(nonsending) public func spawnLinked(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError)
        -> PID
    {
        try await front.spawn(
            SpawnRequest(definition: definition, host: host, args: args, mode: .linked), caller: caller)
    }

    /// `process.spawn_linked_monitored(id, host, ...)`.
    nonisolated(nonsending) public func spawnLinkedMonitored(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError) -> PID
    {
        try await front.spawn(
            SpawnRequest(definition: definition, host: host, args: args, mode: .linkedMonitored), caller: caller)
    }

    /// `process.terminate(dest)`.
    nonisolated(nonsending) public func terminate(_ destination: some DestinationConvertible) async throws(ProcessError)
    {
        try await front.terminate(destination.destination(), caller: caller)
    }

    /// `process.cancel(dest, deadline?)`.
    nonisolated(nonsending) public func cancel(
        _ destination: some DestinationConvertible, deadline: CancelDeadline? = nil
    )
        async throws(ProcessError)
    {
        try await front.cancel(destination.destination(), deadline: deadline, caller: caller)
    }

    /// `process.cancel(dest, "5s")`: the deadline as a duration string or integer milliseconds.
    nonisolated(nonsending) public func cancel(_ destination: some DestinationConvertible, deadline: Value)
        async throws(ProcessError)
    {
        let parsed = try CancelDeadline.from(deadline)
        try await front.cancel(destination.destination(), deadline: parsed, caller: caller)
    }

    /// `process.monitor(dest)`.
    nonisolated(nonsending) public func monitor(_ destination: some DestinationConvertible) async throws(ProcessError) {
        try await front.monitor(destination.destination(), caller: caller)
    }

    /// `process.unmonitor(dest)`.
    nonisolated(nonsending) public func unmonitor(_ destination: some DestinationConvertible) async throws(ProcessError)
    {
        try await front.unmonitor(destination.destination(), caller: caller)
    }

    /// `process.link(dest)`.
    nonisolated(nonsending) public func link(_ destination: some DestinationConvertible) async throws(ProcessError) {
        try await front.link(destination.destination(), caller: caller)
    }

    /// `process.unlink(dest)`.
    nonisolated(nonsending) public func unlink(_ destination: some DestinationConvertible) async throws(ProcessError) {
        try await front.unlink(destination.destination(), caller: caller)
    }

    /// `process.exec(id, host, ...)`: the child's value, or its error thrown.
    nonisolated(nonsending) public func exec(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError) -> Value
    {
        try await front.exec(definition: definition, host: host, args: args, caller: caller)
    }

    /// `process.upgrade(id?, ...)`: schedules the new code and unwinds the current body by
    /// throwing ``ProcessUpgrade``; the runtime then runs the new body in the same process.
    nonisolated(nonsending) public func upgrade(to definition: String?, args: [Value] = []) async throws -> Never {
        try await front.upgrade(to: definition, args: args, caller: caller)
        throw ProcessUpgrade()
    }

    /// `process.registry.register(name, pid?)` (default: this process).
    nonisolated(nonsending) public func register(_ name: String, pid: PID? = nil) async throws(ProcessError) {
        try await front.register(name, pid: pid, caller: caller)
    }

    /// `process.registry.lookup(name)`.
    nonisolated(nonsending) public func lookup(_ name: String) async throws(ProcessError) -> PID {
        try await front.lookup(name, caller: caller)
    }

    /// `process.registry.unregister(name)`; returns whether the name was registered.
    @discardableResult
    nonisolated(nonsending) public func unregister(_ name: String) async throws(ProcessError) -> Bool {
        try await front.unregister(name, caller: caller)
    }

    /// An empty spawner builder.
    public func spawner() -> Spawner { Spawner(front: front, caller: caller) }

    /// `process.with_context(values)`: a spawner builder with context values.
    public func withContext(_ values: [String: Value]) -> Spawner { spawner().withContext(values) }
}
