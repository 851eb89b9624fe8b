import WardenValue

/// What a process body sees: its identity, arguments and channels, and every `process` call.
///
/// Calls go through ``front`` with the process's own ``caller``: the local runtime by default,
/// or the gateway that started the process (children inherit their parent's front), so the same
/// body runs unchanged bare or behind a gateway.
public final class ProcessContext: Sendable {
    /// The identity every call of this process carries.
    public let caller: Caller
    /// The arguments the process was spawned (or upgraded) with.
    public let args: [Value]
    /// The values given with `with_context` when this process was spawned.
    public let contextValues: [String: Value]
    /// The runtime this process's calls go through.
    public let front: any ProcessRuntime
    /// The process-local channels and options.
    public let local: any ProcessLocal

    /// Creates a context. Runtimes call this when they start (or upgrade) a process.
    public init(
        caller: Caller, args: [Value], contextValues: [String: Value], front: any ProcessRuntime,
        local: any ProcessLocal
    ) {
        self.caller = caller
        self.args = args
        self.contextValues = contextValues
        self.front = front
        self.local = local
    }

    /// This process's id (`process.pid()`).
    public var pid: PID { caller.pid }
    /// The call-chain id (`process.id()`).
    public var frame: String { caller.frame }
    /// The definition id this body was started as.
    public var definition: String { caller.definition }
    /// This process's actor and scope.
    public var security: SecurityContext { caller.security }

    /// The call-chain id (`process.id()`).
    public func id() -> String { caller.frame }

    // MARK: Channels and options (process-local, unguarded)

    /// The channel of messages whose topic has no `listen` channel.
    public func inbox() -> ProcessChannel<Message> { local.inbox() }

    /// The channel of lifecycle events.
    public func events() -> ProcessChannel<ProcessEvent> { local.events() }

    /// A channel of raw payloads for `topic` (`listen(topic)`).
    public func listen(_ topic: String) throws(ProcessError) -> ProcessChannel<[Value]> {
        try local.listen(topic, as: .payloads)
    }

    /// A channel for `topic` in the given format (`.payloads` or `.messages`).
    public func listen<Element>(_ topic: String, as format: ListenFormat<Element>) throws(ProcessError)
        -> ProcessChannel<Element>
    {
        try local.listen(topic, as: format)
    }

    /// Stops listening: closes `channel` (its unread elements can still be received) and routes
    /// its topic to the inbox again. Returns whether the channel was listening.
    @discardableResult
    public func unlisten<Element>(_ channel: ProcessChannel<Element>) -> Bool {
        guard let topic = channel.topic else { return false }
        return local.unlisten(ObjectIdentifier(channel), topic: topic)
    }

    /// The current options (`get_options()`).
    public func options() -> ProcessOptions { local.options() }

    /// Replaces the options (`set_options`).
    public func setOptions(_ options: ProcessOptions) throws(ProcessError) { try local.setOptions(options) }

    /// Sets `trap_links` (`set_options({trap_links = ...})`).
    public func setOptions(trapLinks: Bool) throws(ProcessError) {
        try local.setOptions(ProcessOptions(trapLinks: trapLinks))
    }
}
