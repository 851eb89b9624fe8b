import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// The host every test spawns on unless it tests hosts.
let testHost = "app:processes"

/// Runs `body` as a root process of a fresh runtime with `definitions` registered, returns its
/// exit result, then shuts the runtime down.
func runRoot(
    _ definitions: [ProcessDefinition] = [], hostLimit: Int = 100_000, security: SecurityContext = .none,
    args: [Value] = [], body: @escaping ProcessBody
) async throws -> ExitResult {
    let runtime = LocalRuntime(
        hosts: [HostConfiguration(id: testHost, maxProcesses: hostLimit)],
        definitions: definitions + [ProcessDefinition(id: "test:root", body: body)])
    let handle = try await runtime.start(
        StartRequest(definition: "test:root", host: testHost, args: args, security: security))
    let result = try await handle.result()
    await runtime.shutdown()
    return result
}

/// The value of a normal exit; records an issue for an abnormal one.
func value(_ result: ExitResult, sourceLocation: SourceLocation = #_sourceLocation) -> Value? {
    switch result {
    case .value(let value): return value
    case .error(let error):
        Issue.record("process failed: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The thrown `ProcessError` of `operation`, or `nil` when it did not throw one.
func processError(_ operation: () async throws -> Void) async -> ProcessError? {
    do {
        try await operation()
        return nil
    } catch let error as ProcessError {
        return error
    } catch {
        return nil
    }
}

/// A definition whose body waits for one inbox message and returns its first payload value.
func waitForMessage(_ id: String) -> ProcessDefinition {
    ProcessDefinition(id: id) { ctx in
        await ctx.inbox().receive()?.payload.first ?? .null
    }
}

/// A definition whose body waits until its inbox ends (terminate, shutdown).
func idle(_ id: String) -> ProcessDefinition {
    ProcessDefinition(id: id) { ctx in
        for await _ in ctx.inbox() {}
        return .null
    }
}

/// A definition whose body throws `message` at once.
func failing(_ id: String, _ message: String = "boom") -> ProcessDefinition {
    ProcessDefinition(id: id) { _ in
        throw ProcessError(.internal, message, code: "test-failure")
    }
}

/// The next event of `kind`, skipping others.
func nextEvent(_ channel: ProcessChannel<ProcessEvent>, _ kind: ProcessEvent.Kind) async -> ProcessEvent? {
    while let event = await channel.receive() {
        if event.kind == kind { return event }
    }
    return nil
}
