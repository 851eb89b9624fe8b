import WardenValue

/// The `process` API as a runtime implements it: the built-in local runtime, or a gateway that
/// authorizes each call and forwards the allowed ones to the runtime it wraps.
///
/// Every call names its caller explicitly. Errors are ``ProcessError`` values; argument
/// validation (`INVALID`) comes before destination resolution (`NOT_FOUND`).
public protocol ProcessRuntime: Sendable {
    // MARK: Guarded operations

    /// Delivers one message to `destination`. Topics starting with `@` are `INVALID`; an unknown
    /// name or a dead process is `NOT_FOUND`.
    nonisolated(nonsending) func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        async throws(ProcessError)

    /// Performs `send` without suspending when the runtime can do the whole call at once, and
    /// returns its outcome; `nil` when it cannot, and the caller then calls `send`. A runtime
    /// that guards calls (a gateway) answers `nil`, so no host ever skips its checks or its
    /// records. Hosts for which suspending costs much (a Lua process yields its coroutine) try
    /// it first. `nil` unless a runtime says otherwise.
    func sendNow(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        -> Result<Void, ProcessError>?

    /// Starts a child described by `request` (any mode, any spawner options) and returns its PID.
    /// With a `name` that is already registered, no child starts: the queued messages go to the
    /// holder and its PID is returned.
    nonisolated(nonsending) func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID

    /// Kills the target now; it exits abnormally with `terminated`.
    nonisolated(nonsending) func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError)

    /// Sends a `CANCEL` event; with a deadline, terminates the target if it is still alive then.
    nonisolated(nonsending) func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller)
        async throws(ProcessError)

    /// Makes the caller receive `EXIT` when the target exits.
    nonisolated(nonsending) func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError)

    /// Removes the caller's monitor of the target.
    nonisolated(nonsending) func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError)

    /// Links the caller and the target.
    nonisolated(nonsending) func link(_ destination: Destination, caller: Caller) async throws(ProcessError)

    /// Removes the link between the caller and the target.
    nonisolated(nonsending) func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError)

    /// Spawns `definition` on `host` with the caller's security context, waits for it, and returns
    /// its value or throws its error. Cancelling the caller does not stop the child.
    nonisolated(nonsending) func exec(definition: String, host: String, args: [Value], caller: Caller)
        async throws(ProcessError) -> Value

    /// Arranges for the caller to run `definition` (`nil`: its current one) with `args` once its
    /// current body unwinds, keeping PID, links, monitors, names and unread messages.
    nonisolated(nonsending) func upgrade(to definition: String?, args: [Value], caller: Caller)
        async throws(ProcessError)

    /// Binds `name` to `pid` (default: the caller). Same pair again is ok; a name held by another
    /// process is `ALREADY_EXISTS`.
    nonisolated(nonsending) func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError)

    /// The PID holding `name`, or `NOT_FOUND`.
    nonisolated(nonsending) func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID

    /// Removes `name`; returns whether it was registered.
    @discardableResult
    nonisolated(nonsending) func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool

    // MARK: Policy questions

    /// Answers `question` from the policies the runtime holds (`security.can`): a gateway
    /// evaluates it against its policy set and audits it; a runtime without policies answers
    /// `undefined` (the default), which allows nothing.
    nonisolated(nonsending) func evaluate(_ question: PolicyQuestion, caller: Caller) async throws(ProcessError)
        -> PolicyAnswer

    // MARK: Queries for gateways

    /// Whether the runtime reads ``CallSite/current`` (a gateway writes it into its audit
    /// records). Hosts bind a call site only when it does, since finding one (the line of the
    /// calling code) costs time on every call. `false` unless a runtime says otherwise.
    var readsCallSites: Bool { get }

    /// The live process `destination` stands for; `NOT_FOUND` for an unknown name or a dead PID.
    nonisolated(nonsending) func resolve(_ destination: Destination) async throws(ProcessError) -> PID

    /// The current holder of `name`, if any.
    func owner(ofName name: String) async -> PID?

    /// A registered definition's public facts, or `nil` when unknown.
    func definition(_ id: String) async -> DefinitionInfo?

    // MARK: Outside callers

    /// Starts a root process from outside any process.
    func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle

    /// Stops every process (they exit with `runtime shut down`), refuses new ones, and returns
    /// once their bodies have finished.
    func shutdown() async
}

extension ProcessRuntime {
    /// A runtime that does not say otherwise does not read call sites.
    public var readsCallSites: Bool { false }

    /// A runtime that does not say otherwise sends only through `send`.
    public func sendNow(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        -> Result<Void, ProcessError>?
    {
        nil
    }
}
