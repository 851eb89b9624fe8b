import WardenRuntime
import WardenValue

/// The runtime behind the gateway for one remote call: it answers the gateway's questions
/// (resolve a destination, the owner of a name, a definition) from the facts the calling runtime
/// sent, and forwarding an allowed call does nothing, since the calling runtime performs it.
struct RemoteCallRuntime: ProcessRuntime {
    let facts: RemoteFacts

    func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller) async throws(ProcessError) {}

    func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID {
        facts.resolvedPID ?? caller.pid
    }

    func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError) {}

    func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller) async throws(ProcessError) {}

    func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {}

    func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {}

    func link(_ destination: Destination, caller: Caller) async throws(ProcessError) {}

    func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError) {}

    func exec(definition: String, host: String, args: [Value], caller: Caller) async throws(ProcessError) -> Value {
        .null
    }

    func upgrade(to definition: String?, args: [Value], caller: Caller) async throws(ProcessError) {}

    func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError) {}

    func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID {
        try await resolve(.name(name))
    }

    func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool { true }

    /// The resolved PID the caller sent; a PID destination without one is itself; a name without
    /// one is not registered.
    func resolve(_ destination: Destination) async throws(ProcessError) -> PID {
        if let pid = facts.resolvedPID { return pid }
        switch destination {
        case .pid(let pid): return pid
        case .name(let name):
            throw ProcessError(
                .notFound, "name `\(name)` is not registered; hint: send `target.pid` when the runtime resolved it",
                code: "unknown-name")
        }
    }

    func owner(ofName name: String) async -> PID? { facts.owner }

    func definition(_ id: String) async -> DefinitionInfo? {
        facts.definitionExists ? DefinitionInfo(id: id, security: facts.definitionSecurity) : nil
    }

    func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        throw ProcessError(.invalid, "a remote call cannot start a root process", code: "unsupported")
    }

    func shutdown() async {}
}
