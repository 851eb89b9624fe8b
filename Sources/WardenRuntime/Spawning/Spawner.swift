import WardenValue

/// The immutable spawner builder (`process.with_context(...)`): each `with*` returns a new
/// spawner; the `spawn*` methods send one ``SpawnRequest`` through the caller's front runtime.
public struct Spawner: Sendable {
    /// The runtime the spawn goes through.
    public let front: any ProcessRuntime
    /// The spawning process.
    public let caller: Caller
    /// The options collected so far.
    public let options: SpawnOptions

    /// Creates a spawner for `caller` with `options`.
    public init(front: any ProcessRuntime, caller: Caller, options: SpawnOptions = .none) {
        self.front = front
        self.caller = caller
        self.options = options
    }

    private func with(_ change: (inout SpawnOptions) -> Void) -> Spawner {
        var copy = options
        change(&copy)
        return Spawner(front: front, caller: caller, options: copy)
    }

    /// Adds context values (later keys win).
    public func withContext(_ values: [String: Value]) -> Spawner {
        with { $0.contextValues = ($0.contextValues ?? [:]).merging(values) { _, new in new } }
    }

    /// Replaces the child's actor.
    public func withActor(_ actor: Actor) -> Spawner { with { $0.actor = actor } }

    /// Replaces the child's scope.
    public func withScope(_ scope: SecurityScope) -> Spawner { with { $0.scope = scope } }

    /// Names the child; if the name is taken, no child starts (spawn-or-signal).
    public func withName(_ name: String) -> Spawner { with { $0.name = name } }

    /// Queues a message delivered to the child (or the name's holder) before anything else.
    public func withMessage(_ topic: String, payload: [Value]) -> Spawner {
        with { $0.messages.append(QueuedMessage(topic: topic, payload: payload)) }
    }

    /// Queues a message with variadic payload values.
    public func withMessage(_ topic: String, _ payload: Value...) -> Spawner {
        withMessage(topic, payload: payload)
    }

    /// Spawns with the given mode.
    nonisolated(nonsending) public func spawn(_ definition: String, host: String, args: [Value] = [], mode: SpawnMode)
        async throws(ProcessError) -> PID
    {
        try await front.spawn(
            SpawnRequest(definition: definition, host: host, args: args, mode: mode, options: options),
            caller: caller)
    }

    /// `spawner:spawn(id, host, ...)`.
    nonisolated(nonsending) public func spawn(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError) -> PID
    {
        try await spawn(definition, host: host, args: args, mode: .plain)
    }

    /// `spawner:spawn_monitored(id, host, ...)`.
    nonisolated(nonsending) public func spawnMonitored(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError)
        -> PID
    {
        try await spawn(definition, host: host, args: args, mode: .monitored)
    }

    /// `spawner:spawn_linked(id, host, ...)`.
    nonisolated(nonsending) public func spawnLinked(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError)
        -> PID
    {
        try await spawn(definition, host: host, args: args, mode: .linked)
    }

    /// `spawner:spawn_linked_monitored(id, host, ...)`.
    nonisolated(nonsending) public func spawnLinkedMonitored(_ definition: String, host: String, args: [Value] = [])
        async throws(ProcessError) -> PID
    {
        try await spawn(definition, host: host, args: args, mode: .linkedMonitored)
    }
}
