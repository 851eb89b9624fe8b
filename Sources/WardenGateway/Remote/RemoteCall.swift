import WardenRuntime
import WardenValue

/// A `process.*` call a runtime outside this process is about to make, with what only that
/// runtime knows: who calls, where the destination resolves, who owns a name, what a definition
/// declares.
public struct RemoteCall: Sendable {
    /// The call and its arguments, as the in-process API takes them.
    public enum Operation: Sendable {
        /// `send(dest, topic, payload...)`
        case send(Destination, topic: String, payload: [Value])
        /// `spawn*(id, host, args...)` with the spawner's options.
        case spawn(SpawnRequest)
        /// `exec(id, host, args...)`
        case exec(definition: String, host: String, args: [Value])
        /// `terminate(dest)`
        case terminate(Destination)
        /// `cancel(dest, deadline?)`
        case cancel(Destination, deadline: CancelDeadline?)
        /// `monitor(dest)`
        case monitor(Destination)
        /// `unmonitor(dest)`
        case unmonitor(Destination)
        /// `link(dest)`
        case link(Destination)
        /// `unlink(dest)`
        case unlink(Destination)
        /// `registry.register(name, pid?)`
        case register(String, pid: PID?)
        /// `registry.unregister(name)`
        case unregister(String)
        /// `upgrade(id, args...)`
        case upgrade(definition: String, args: [Value])
    }

    /// The call.
    public var operation: Operation
    /// The calling process, its call-chain frame, its definition and its actor and scope.
    public var caller: Caller
    /// What the runtime resolved: facts the gateway cannot look up itself.
    public var facts: RemoteFacts

    /// Creates a remote call.
    public init(operation: Operation, caller: Caller, facts: RemoteFacts = RemoteFacts()) {
        self.operation = operation
        self.caller = caller
        self.facts = facts
    }
}

/// The facts about a remote call that only the calling runtime knows.
public struct RemoteFacts: Sendable {
    /// The PID a destination (a name, or a PID) resolved to; `nil` when a name is not
    /// registered (the call fails `NOT_FOUND`, recorded). A PID destination without it is taken
    /// as is.
    public var resolvedPID: PID?
    /// The current owner of the name being registered, unregistered or spawned `with_name`.
    public var owner: PID?
    /// The `security:` block of the definition being spawned, executed or upgraded to.
    public var definitionSecurity: DefinitionSecurity?
    /// Whether that definition exists in the runtime (`false`: `NOT_FOUND`, recorded).
    public var definitionExists: Bool

    /// Creates the facts; by default nothing is resolved and definitions exist.
    public init(
        resolvedPID: PID? = nil, owner: PID? = nil, definitionSecurity: DefinitionSecurity? = nil,
        definitionExists: Bool = true
    ) {
        self.resolvedPID = resolvedPID
        self.owner = owner
        self.definitionSecurity = definitionSecurity
        self.definitionExists = definitionExists
    }
}
