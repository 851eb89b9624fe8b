import WardenRuntime
import WardenValue

/// A ``ProcessRuntime`` that accepts every call and does nothing, so a gateway in front of it
/// costs only its own work: validation, planning, evaluation, the audit record.
///
/// Destinations resolve without a table: a PID to itself, a name to ``namedPID``.
struct NoOpRuntime: ProcessRuntime {
    /// The PID every name resolves to.
    let namedPID = PID(host: BenchmarkPolicies.host, counter: 2)

    func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller) async throws(ProcessError) {}
    func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID {
        PID(host: request.host, counter: 3)
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
    func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID { namedPID }
    func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool { false }

    func resolve(_ destination: Destination) async throws(ProcessError) -> PID {
        switch destination {
        case .pid(let pid): pid
        case .name: namedPID
        }
    }
    func owner(ofName name: String) async -> PID? { nil }
    func definition(_ id: String) async -> DefinitionInfo? { DefinitionInfo(id: id, security: nil) }
    func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        ProcessHandle(pid: PID(host: request.host, counter: 1), exit: ExitFuture())
    }
    func shutdown() async {}
}
