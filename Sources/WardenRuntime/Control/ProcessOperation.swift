/// Every call of the `process` API, by its Lua-facing name (used in audit records and policies).
public enum ProcessOperation: String, Sendable, Hashable, CaseIterable, Codable {
    /// `id()`: the current frame id.
    case id
    /// `pid()`: the current process id.
    case pid
    /// `send(dest, topic, ...)`.
    case send
    /// `spawn(id, host, ...)`.
    case spawn
    /// `spawn_monitored(id, host, ...)`.
    case spawnMonitored = "spawn_monitored"
    /// `spawn_linked(id, host, ...)`.
    case spawnLinked = "spawn_linked"
    /// `spawn_linked_monitored(id, host, ...)`.
    case spawnLinkedMonitored = "spawn_linked_monitored"
    /// `terminate(dest)`.
    case terminate
    /// `cancel(dest, deadline?)`.
    case cancel
    /// `monitor(dest)`.
    case monitor
    /// `unmonitor(dest)`.
    case unmonitor
    /// `link(dest)`.
    case link
    /// `unlink(dest)`.
    case unlink
    /// `get_options()`.
    case getOptions = "get_options"
    /// `set_options({trap_links})`.
    case setOptions = "set_options"
    /// `inbox()`.
    case inbox
    /// `events()`.
    case events
    /// `listen(topic, {message})`.
    case listen
    /// `unlisten(ch)`.
    case unlisten
    /// `exec(id, host, ...)`.
    case exec
    /// `upgrade(id?, ...)`.
    case upgrade
    /// `with_context(values)`.
    case withContext = "with_context"
    /// `registry.register(name, pid?)`.
    case register = "registry.register"
    /// `registry.lookup(name)`.
    case lookup = "registry.lookup"
    /// `registry.unregister(name)`.
    case unregister = "registry.unregister"

    /// The Lua-facing name with the module prefix, e.g. `process.spawn_linked`.
    public var qualifiedName: String { "process." + rawValue }
}
