import WardenValue

/// Everything a `spawn*` call asks for: what, where, with which arguments and options.
public struct SpawnRequest: Sendable, Hashable {
    /// The process definition id, e.g. `app.workers:handler`.
    public var definition: String
    /// The host id, e.g. `app:processes`.
    public var host: String
    /// Arguments passed to the child's body.
    public var args: [Value]
    /// Whether the caller also monitors and/or links the child.
    public var mode: SpawnMode
    /// The spawner builder's options.
    public var options: SpawnOptions

    /// Creates a request.
    public init(
        definition: String, host: String, args: [Value] = [], mode: SpawnMode = .plain,
        options: SpawnOptions = .none
    ) {
        self.definition = definition
        self.host = host
        self.args = args
        self.mode = mode
        self.options = options
    }

    /// The operation name for audit records: `spawn`, `spawn_monitored`, ...
    public var operation: ProcessOperation { mode.operation }
}
