/// A call of the `process` API that the gateway authorizes, named as in audit records,
/// policies and the CLI (`spawn_linked`, `registry.register`, ...).
public enum GuardedCall: String, CaseIterable, Sendable, Codable {
    /// `send(dest, topic, ...)`
    case send
    /// `spawn(id, host, ...)`
    case spawn
    /// `spawn_monitored(id, host, ...)`
    case spawnMonitored = "spawn_monitored"
    /// `spawn_linked(id, host, ...)`
    case spawnLinked = "spawn_linked"
    /// `spawn_linked_monitored(id, host, ...)`
    case spawnLinkedMonitored = "spawn_linked_monitored"
    /// `exec(id, host, ...)`
    case exec
    /// `terminate(dest)`
    case terminate
    /// `cancel(dest, deadline?)`
    case cancel
    /// `monitor(dest)`
    case monitor
    /// `unmonitor(dest)`
    case unmonitor
    /// `link(dest)`
    case link
    /// `unlink(dest)`
    case unlink
    /// `with_context(values)`: checked when a spawner that carries context values spawns.
    case withContext = "with_context"
    /// spawner `with_actor(actor)`: checked when the spawner spawns.
    case withActor = "with_actor"
    /// spawner `with_scope(scope)`: checked when the spawner spawns.
    case withScope = "with_scope"
    /// spawner `with_name(name)`: checked when the spawner spawns.
    case withName = "with_name"
    /// `registry.register(name, pid?)`
    case register = "registry.register"
    /// `registry.unregister(name)`
    case unregister = "registry.unregister"
    /// `upgrade(id, ...)` to another definition (the same definition is unguarded).
    case upgrade

    /// The operation name in audit records: `process.` followed by the call name.
    public var auditOp: String { "process." + rawValue }

    /// Parses a call name as users write it on the command line, with or without the
    /// `process.` prefix (`spawn_linked`, `process.registry.register`, `register`).
    public init?(commandLineName name: String) {
        let bare = name.hasPrefix("process.") ? String(name.dropFirst("process.".count)) : name
        switch bare {
        case "register": self = .register
        case "unregister": self = .unregister
        default: self.init(rawValue: bare)
        }
    }
}
