import Logging

/// What the host gives Lua processes beyond the runtime: where the `logger` module writes, and
/// the terminal the `io` module uses on terminal hosts.
public struct LuaHostServices: Sendable {
    /// Where the `logger` module writes (swift-log); the process's PID, actor and entry are
    /// attached to every entry.
    public var logger: Logger
    /// The terminal of the `io` module, and the hosts whose processes may use it.
    public var terminal: LuaTerminalAccess?

    /// Creates the services; by default a logger labelled `warden.lua` and no terminal.
    public init(logger: Logger = Logger(label: "warden.lua"), terminal: LuaTerminalAccess? = nil) {
        self.logger = logger
        self.terminal = terminal
    }
}

/// A terminal: what the `io` module reads and writes.
public protocol LuaTerminal: Sendable {
    /// Writes `text` as is.
    func write(_ text: String)
    /// The next line of input without its line break, or `nil` at the end of the input.
    func readLine() async -> String?
}

/// A terminal and the hosts (`terminal.host` entries) whose processes may use it.
public struct LuaTerminalAccess: Sendable {
    /// The terminal.
    public var terminal: any LuaTerminal
    /// The host ids whose processes may use the `io` module.
    public var hosts: Set<String>

    /// Binds `terminal` to the processes of `hosts`.
    public init(terminal: any LuaTerminal, hosts: Set<String>) {
        self.terminal = terminal
        self.hosts = hosts
    }
}
