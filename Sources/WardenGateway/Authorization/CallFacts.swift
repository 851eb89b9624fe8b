import WardenValue

/// What one guarded call named, after validation and destination resolution: everything the
/// permission table and the request attributes need.
public struct CallFacts: Sendable, Hashable {
    /// The call.
    public var call: GuardedCall
    /// The caller's PID string (the `pid` attribute of every request).
    public var callerPID: String
    /// The process definition id of a spawn or exec.
    public var definition: String?
    /// The host of a spawn or exec (the `host` attribute).
    public var host: String?
    /// The destination as the caller gave it (PID string or name).
    public var destination: String?
    /// The PID the destination resolved to (the resource of destination calls).
    public var targetPID: String?
    /// The name of a registry call, of a name used as destination, or of `with_name`.
    public var name: String?
    /// The message topic of `send` (the `topic` attribute).
    public var topic: String?
    /// The current owner of a name being unregistered, or of a `with_name` name that is taken.
    public var owner: String?
    /// The new definition id of an upgrade.
    public var upgradeDefinition: String?
    /// The spawner options attached to a spawn.
    public var builder: BuilderOptions

    /// Spawner builder options that need permissions of their own.
    public struct BuilderOptions: Sendable, Hashable {
        /// `with_context` was used.
        public var context: Bool
        /// `with_actor` was used.
        public var actor: Bool
        /// `with_scope` was used.
        public var scope: Bool
        /// The `with_name` name.
        public var name: String?
        /// How many `with_message` messages are queued.
        public var queuedMessages: Int

        /// Creates builder options; the defaults are those of a plain spawn.
        public init(
            context: Bool = false, actor: Bool = false, scope: Bool = false, name: String? = nil,
            queuedMessages: Int = 0
        ) {
            self.context = context
            self.actor = actor
            self.scope = scope
            self.name = name
            self.queuedMessages = queuedMessages
        }

        /// No builder options.
        public static let none = BuilderOptions()
    }

    /// Creates the facts of a call.
    public init(
        call: GuardedCall, callerPID: String, definition: String? = nil, host: String? = nil,
        destination: String? = nil, targetPID: String? = nil, name: String? = nil, topic: String? = nil,
        owner: String? = nil, upgradeDefinition: String? = nil, builder: BuilderOptions = .none
    ) {
        self.call = call
        self.callerPID = callerPID
        self.definition = definition
        self.host = host
        self.destination = destination
        self.targetPID = targetPID
        self.name = name
        self.topic = topic
        self.owner = owner
        self.upgradeDefinition = upgradeDefinition
        self.builder = builder
    }

    /// The request attributes every check of this call carries: `pid`, `op`, and where they
    /// apply `host`, `topic`, `name`, `owner`.
    public var attributes: [String: Value] {
        var meta = [String: Value](minimumCapacity: 6)
        meta["pid"] = .string(callerPID)
        meta["op"] = .string(call.rawValue)
        if let host { meta["host"] = .string(host) }
        if let topic { meta["topic"] = .string(topic) }
        if let name = name ?? builder.name { meta["name"] = .string(name) }
        if let owner { meta["owner"] = .string(owner) }
        return meta
    }
}
