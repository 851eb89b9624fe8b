import WardenRuntime
import WardenSync
import WardenValue

/// A ``ProcessRuntime`` that records every call it receives and answers from configurable
/// results, so gateway tests can prove which calls reached the wrapped runtime (and that denied
/// ones never did).
public final class RecordingRuntime: ProcessRuntime {
    /// One received call.
    public struct Call: Sendable, Hashable {
        /// The operation: a ``ProcessOperation`` raw value (`send`, `spawn_linked`,
        /// `registry.register`, ...) or one of `resolve`, `owner`, `definition`, `start`, `shutdown`.
        public let operation: String
        /// The caller, for process calls.
        public let caller: Caller?
        /// The arguments by name (`destination`, `topic`, `payload`, `definition`, `host`, `args`,
        /// `name`, `pid`, `deadline_ms`, ...), as values.
        public let arguments: [String: Value]
        /// The full request of a spawn call.
        public let spawnRequest: SpawnRequest?
    }

    /// The answers the runtime gives; change them with ``configure(_:)``.
    public struct Results: Sendable {
        /// Errors to throw instead of answering, by operation name (see ``Call/operation``).
        public var failures: [String: ProcessError] = [:]
        /// Registered names: used by `resolve`, `lookup`, `owner`; changed by register/unregister.
        public var names: [String: PID] = [:]
        /// PIDs that `resolve` treats as dead (`NOT_FOUND`).
        public var deadPIDs: Set<PID> = []
        /// Definitions `definition(_:)` knows.
        public var definitions: [String: DefinitionInfo] = [:]
        /// What `exec` returns.
        public var execResult: Value = .null
        /// The exit result of processes started with `start`.
        public var startResult: ExitResult = .value(.null)
        /// When set, `spawn` returns this PID instead of a fresh one.
        public var spawnPID: PID?

        /// Creates the defaults: nothing fails, no names, no definitions.
        public init() {}
    }

    private struct State {
        var calls: [Call] = []
        var results = Results()
        var counter: UInt64 = 0
    }

    private let state = Locked(State())

    /// Creates a recording runtime with default results.
    public init() {}

    /// Creates a recording runtime with the given results.
    public init(results: Results) {
        state.withLock { $0.results = results }
    }

    /// Every call received so far, in order.
    public var calls: [Call] { state.withLock { $0.calls } }

    /// The calls of one operation.
    public func calls(_ operation: ProcessOperation) -> [Call] {
        calls.filter { $0.operation == operation.rawValue }
    }

    /// The operation names received so far, in order.
    public var operations: [String] { calls.map(\.operation) }

    /// Forgets the recorded calls (results are kept).
    public func reset() { state.withLock { $0.calls = [] } }

    /// Changes the results.
    public func configure(_ change: (inout Results) -> Void) {
        state.withLock { change(&$0.results) }
    }

    // MARK: Recording

    private func record(
        _ operation: String, _ caller: Caller?, _ arguments: [String: Value] = [:], spawn: SpawnRequest? = nil
    ) throws(ProcessError) {
        let failure = state.withLock { s -> ProcessError? in
            s.calls.append(Call(operation: operation, caller: caller, arguments: arguments, spawnRequest: spawn))
            return s.results.failures[operation]
        }
        if let failure { throw failure }
    }

    private func freshPID(host: String) -> PID {
        state.withLock { s in
            s.counter += 1
            return PID(host: host, counter: s.counter)
        }
    }

    private static func destinationValue(_ destination: Destination) -> Value { .string(destination.description) }

    // MARK: ProcessRuntime

    /// Records `send`.
    public func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller)
        async throws(ProcessError)
    {
        try record(
            ProcessOperation.send.rawValue, caller,
            ["destination": Self.destinationValue(destination), "topic": .string(topic), "payload": .list(payload)])
    }

    /// Records `spawn*` (by mode) and returns a fresh PID on the request's host.
    public func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID {
        var arguments: [String: Value] = [
            "definition": .string(request.definition), "host": .string(request.host), "args": .list(request.args),
        ]
        if let name = request.options.name { arguments["name"] = .string(name) }
        if let context = request.options.contextValues { arguments["context"] = .map(context) }
        if let actor = request.options.actor { arguments["actor"] = actor.value }
        try record(request.operation.rawValue, caller, arguments, spawn: request)
        return state.withLock { $0.results.spawnPID } ?? freshPID(host: request.host)
    }

    /// Records `terminate`.
    public func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try record(ProcessOperation.terminate.rawValue, caller, ["destination": Self.destinationValue(destination)])
    }

    /// Records `cancel` (`deadline_ms` when a deadline is given).
    public func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller)
        async throws(ProcessError)
    {
        var arguments: [String: Value] = ["destination": Self.destinationValue(destination)]
        if let deadline {
            let (seconds, attoseconds) = deadline.duration.components
            arguments["deadline_ms"] = .int(Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        }
        try record(ProcessOperation.cancel.rawValue, caller, arguments)
    }

    /// Records `monitor`.
    public func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try record(ProcessOperation.monitor.rawValue, caller, ["destination": Self.destinationValue(destination)])
    }

    /// Records `unmonitor`.
    public func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try record(ProcessOperation.unmonitor.rawValue, caller, ["destination": Self.destinationValue(destination)])
    }

    /// Records `link`.
    public func link(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try record(ProcessOperation.link.rawValue, caller, ["destination": Self.destinationValue(destination)])
    }

    /// Records `unlink`.
    public func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        try record(ProcessOperation.unlink.rawValue, caller, ["destination": Self.destinationValue(destination)])
    }

    /// Records `exec` and returns the configured result.
    public func exec(definition: String, host: String, args: [Value], caller: Caller) async throws(ProcessError)
        -> Value
    {
        try record(
            ProcessOperation.exec.rawValue, caller,
            ["definition": .string(definition), "host": .string(host), "args": .list(args)])
        return state.withLock { $0.results.execResult }
    }

    /// Records `upgrade` (`definition` is null for "same definition").
    public func upgrade(to definition: String?, args: [Value], caller: Caller) async throws(ProcessError) {
        try record(
            ProcessOperation.upgrade.rawValue, caller,
            ["definition": definition.map(Value.string) ?? .null, "args": .list(args)])
    }

    /// Records `registry.register` and binds the name (`ALREADY_EXISTS` when held by another PID).
    public func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError) {
        let target = pid ?? caller.pid
        try record(
            ProcessOperation.register.rawValue, caller, ["name": .string(name), "pid": .string(target.description)])
        try state.withLock { s throws(ProcessError) in
            if let holder = s.results.names[name], holder != target {
                throw ProcessError(
                    .alreadyExists, "name `\(name)` is already registered to `\(holder)`", code: "name-taken")
            }
            s.results.names[name] = target
        }
    }

    /// Records `registry.lookup` and answers from the names.
    public func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID {
        try record(ProcessOperation.lookup.rawValue, caller, ["name": .string(name)])
        guard let pid = state.withLock({ $0.results.names[name] }) else {
            throw ProcessError(.notFound, "no process is registered as `\(name)`", code: "name-not-found")
        }
        return pid
    }

    /// Records `registry.unregister` and removes the name.
    @discardableResult
    public func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool {
        try record(ProcessOperation.unregister.rawValue, caller, ["name": .string(name)])
        return state.withLock { $0.results.names.removeValue(forKey: name) != nil }
    }

    /// Records `resolve`: a live PID resolves to itself, a name through the names.
    public func resolve(_ destination: Destination) async throws(ProcessError) -> PID {
        try record("resolve", nil, ["destination": Self.destinationValue(destination)])
        return try state.withLock { s throws(ProcessError) -> PID in
            switch destination {
            case .pid(let pid):
                guard !s.results.deadPIDs.contains(pid) else {
                    throw ProcessError(.notFound, "process `\(pid)` is not running", code: "process-not-found")
                }
                return pid
            case .name(let name):
                guard let pid = s.results.names[name] else {
                    throw ProcessError(.notFound, "no process is registered as `\(name)`", code: "name-not-found")
                }
                return pid
            }
        }
    }

    /// Records `owner` and answers from the names.
    public func owner(ofName name: String) async -> PID? {
        try? record("owner", nil, ["name": .string(name)])
        return state.withLock { $0.results.names[name] }
    }

    /// Records `definition` and answers from the configured definitions.
    public func definition(_ id: String) async -> DefinitionInfo? {
        try? record("definition", nil, ["definition": .string(id)])
        return state.withLock { $0.results.definitions[id] }
    }

    /// Records `start` and returns a handle that resolves to the configured start result.
    public func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        try record(
            "start", nil,
            ["definition": .string(request.definition), "host": .string(request.host), "args": .list(request.args)])
        let exit = ExitFuture()
        exit.resolve(state.withLock { $0.results.startResult })
        return ProcessHandle(pid: freshPID(host: request.host), exit: exit)
    }

    /// Records `shutdown`.
    public func shutdown() async {
        try? record("shutdown", nil)
    }
}
