import Testing
import WardenLocalRuntime
import WardenRuntime
import WardenSync
import WardenValue

@Suite(.timeLimit(.minutes(5))) struct RuntimeLifecycleTests {
    @Test func startRejectsUnknownDefinitionsHostsAndTakenNames() async throws {
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 10)], definitions: [idle("test:idle")])
        let definition = await processError {
            _ = try await runtime.start(StartRequest(definition: "nope", host: testHost))
        }
        let host = await processError {
            _ = try await runtime.start(StartRequest(definition: "test:idle", host: "nope"))
        }
        _ = try await runtime.start(StartRequest(definition: "test:idle", host: testHost, name: "root"))
        let name = await processError {
            _ = try await runtime.start(StartRequest(definition: "test:idle", host: testHost, name: "root"))
        }
        #expect(definition?.code == "unknown-definition")
        #expect(host?.code == "unknown-host")
        #expect(name?.kind == .alreadyExists)
        #expect(await runtime.owner(ofName: "root") != nil)
        #expect(await runtime.definition("test:idle")?.id == "test:idle")
        #expect(await runtime.definition("nope") == nil)
        await runtime.shutdown()
    }

    @Test func shutdownStopsEveryProcessAndRefusesNewOnes() async throws {
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 1_000)], definitions: [idle("test:idle")])
        var handles: [ProcessHandle] = []
        for _ in 0..<200 {
            handles.append(try await runtime.start(StartRequest(definition: "test:idle", host: testHost)))
        }
        #expect(runtime.processCount == 200)
        await runtime.shutdown()
        #expect(runtime.processCount == 0)
        for handle in handles {
            #expect(try await handle.result() == .error(.runtimeShutDown))
        }
        let after = await processError {
            _ = try await runtime.start(StartRequest(definition: "test:idle", host: testHost))
        }
        #expect(after?.code == "runtime-shut-down")
    }

    @Test func resolveFindsOnlyLiveProcesses() async throws {
        let runtime = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 10)], definitions: [idle("test:idle")])
        let handle = try await runtime.start(StartRequest(definition: "test:idle", host: testHost, name: "svc"))
        #expect(try await runtime.resolve(.name("svc")) == handle.pid)
        #expect(try await runtime.resolve(.pid(handle.pid)) == handle.pid)
        await runtime.shutdown()
        let error = await processError { _ = try await runtime.resolve(.pid(handle.pid)) }
        #expect(error?.kind == .notFound)
    }

    @Test func startPassesArgsContextValuesSecurityAndName() async throws {
        let report = ProcessDefinition(id: "test:report") { ctx in
            .map([
                "args": .list(ctx.args), "context": .map(ctx.contextValues),
                "actor": .string(ctx.security.actor?.id ?? "none"),
                "named": .bool((try? await ctx.lookup("root")) == ctx.pid),
            ])
        }
        let runtime = LocalRuntime(hosts: [HostConfiguration(id: testHost, maxProcesses: 10)], definitions: [report])
        let handle = try await runtime.start(
            StartRequest(
                definition: "test:report", host: testHost, args: [1], security: SecurityContext(actor: Actor(id: "op")),
                contextValues: ["k": "v"], name: "root"))
        #expect(
            try await handle.result() == .value(["args": [1], "context": ["k": "v"], "actor": "op", "named": true]))
        await runtime.shutdown()
    }

    @Test func aThrowingBodyExitsAbnormallyWithItsError() async throws {
        struct Oops: Error {}
        let result = try await runRoot { _ in throw Oops() }
        guard case .error(let error) = result else {
            Issue.record("a throwing body exited normally")
            return
        }
        #expect(error.kind == .internal)
        #expect(error.code == "process-failed")
    }
}

/// A front runtime that counts the calls it forwards: proves every call of a process (and of
/// its descendants) goes through the front it was started with.
final class CountingFront: ProcessRuntime {
    let inner: LocalRuntime
    private let counts = Locked<[String: Int]>([:])

    init(_ inner: LocalRuntime) { self.inner = inner }

    var seen: [String: Int] { counts.withLock { $0 } }
    private func note(_ operation: String) { counts.withLock { $0[operation, default: 0] += 1 } }

    func send(_ destination: Destination, topic: String, payload: [Value], caller: Caller) async throws(ProcessError) {
        note("send")
        try await inner.send(destination, topic: topic, payload: payload, caller: caller)
    }
    func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID {
        note(request.operation.rawValue)
        return try await inner.spawn(request, caller: caller)
    }
    func terminate(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        note("terminate")
        try await inner.terminate(destination, caller: caller)
    }
    func cancel(_ destination: Destination, deadline: CancelDeadline?, caller: Caller) async throws(ProcessError) {
        note("cancel")
        try await inner.cancel(destination, deadline: deadline, caller: caller)
    }
    func monitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        note("monitor")
        try await inner.monitor(destination, caller: caller)
    }
    func unmonitor(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        note("unmonitor")
        try await inner.unmonitor(destination, caller: caller)
    }
    func link(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        note("link")
        try await inner.link(destination, caller: caller)
    }
    func unlink(_ destination: Destination, caller: Caller) async throws(ProcessError) {
        note("unlink")
        try await inner.unlink(destination, caller: caller)
    }
    func exec(definition: String, host: String, args: [Value], caller: Caller) async throws(ProcessError) -> Value {
        note("exec")
        return try await inner.exec(definition: definition, host: host, args: args, caller: caller)
    }
    func upgrade(to definition: String?, args: [Value], caller: Caller) async throws(ProcessError) {
        note("upgrade")
        try await inner.upgrade(to: definition, args: args, caller: caller)
    }
    func register(_ name: String, pid: PID?, caller: Caller) async throws(ProcessError) {
        note("registry.register")
        try await inner.register(name, pid: pid, caller: caller)
    }
    func lookup(_ name: String, caller: Caller) async throws(ProcessError) -> PID {
        note("registry.lookup")
        return try await inner.lookup(name, caller: caller)
    }
    func unregister(_ name: String, caller: Caller) async throws(ProcessError) -> Bool {
        note("registry.unregister")
        return try await inner.unregister(name, caller: caller)
    }
    func resolve(_ destination: Destination) async throws(ProcessError) -> PID { try await inner.resolve(destination) }
    func owner(ofName name: String) async -> PID? { await inner.owner(ofName: name) }
    func definition(_ id: String) async -> DefinitionInfo? { await inner.definition(id) }
    func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        var routed = request
        routed.front = self
        return try await inner.start(routed)
    }
    func shutdown() async { await inner.shutdown() }
}

@Suite(.timeLimit(.minutes(5))) struct FrontRoutingTests {
    @Test func everyCallOfAProcessTreeGoesThroughTheFront() async throws {
        let grandchild = ProcessDefinition(id: "test:grandchild") { ctx in
            try await ctx.register("gc")
            try await ctx.unregister("gc")
            return "done"
        }
        let child = ProcessDefinition(id: "test:child") { ctx in
            try await ctx.exec("test:grandchild", host: testHost)
        }
        let root = ProcessDefinition(id: "test:root") { ctx in
            let worker = try await ctx.spawnLinkedMonitored("test:child", host: testHost)
            _ = await nextEvent(ctx.events(), .exit)
            let idler = try await ctx.spawner().withName("idler").spawn("test:idle", host: testHost)
            try await ctx.monitor(idler)
            try await ctx.send("idler", topic: "t")
            try await ctx.cancel(idler)
            try await ctx.terminate(idler)
            _ = worker
            return .null
        }
        let local = LocalRuntime(
            hosts: [HostConfiguration(id: testHost, maxProcesses: 100)],
            definitions: [root, child, grandchild, idle("test:idle")])
        let front = CountingFront(local)
        let handle = try await front.start(StartRequest(definition: "test:root", host: testHost))
        #expect(try await handle.result() == .value(.null))
        #expect(
            front.seen == [
                "spawn_linked_monitored": 1, "exec": 1, "registry.register": 1, "registry.unregister": 1,
                "spawn": 1, "monitor": 1, "send": 1, "cancel": 1, "terminate": 1,
            ])
        await front.shutdown()
    }
}
