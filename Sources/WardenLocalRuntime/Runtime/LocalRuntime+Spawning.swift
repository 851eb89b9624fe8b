import WardenRuntime
import WardenValue

extension LocalRuntime {
    /// A process admitted into the table, or the holder of a `with_name` name.
    private enum Admission {
        case started(LocalProcess, ProcessDefinition)
        case existing(LocalProcess)
    }

    /// Starts a child of `caller`, or signals the holder of the requested name.
    nonisolated(nonsending) public func spawn(_ request: SpawnRequest, caller: Caller) async throws(ProcessError) -> PID
    {
        try ArgumentCheck.spawn(request)
        let admission = try table.withLock { t throws(ProcessError) -> Admission in
            let parent = try t.callerHandle(caller.pid)
            let definition = try t.definition(request.definition)
            try t.checkHost(request.host)
            if let name = request.options.name, let holder = t.names[name], let existing = t.entries[holder]?.handle {
                if holder != caller.pid {
                    if request.mode.links { try t.link(caller.pid, holder) }
                    if request.mode.monitors { try t.monitor(watcher: caller.pid, target: holder) }
                }
                return .existing(existing)
            }
            let pid = try t.admit(host: request.host)
            let inherited = SecurityContext(
                actor: request.options.actor ?? parent.security.actor,
                scope: request.options.scope ?? parent.security.scope)
            let child = LocalProcess(
                pid: pid, frame: parent.frame,
                security: definition.security?.applied(to: inherited) ?? inherited,
                contextValues: request.options.contextValues ?? [:], front: parent.front, exit: nil, runtime: self)
            for queued in request.options.messages {
                child.deliver(Message(topic: queued.topic, from: caller.pid, payload: queued.payload))
            }
            t.insert(
                pid, handle: child, definition: definition.id, parent: caller.pid, mode: request.mode,
                name: request.options.name)
            return .started(child, definition)
        }
        switch admission {
        case .started(let child, let definition):
            launch(child, definition, args: request.args)
            return child.pid
        case .existing(let holder):
            for queued in request.options.messages {
                holder.deliver(Message(topic: queued.topic, from: caller.pid, payload: queued.payload))
            }
            return holder.pid
        }
    }

    /// Spawns a child with the caller's security context and waits for its result.
    nonisolated(nonsending) public func exec(definition id: String, host: String, args: [Value], caller: Caller)
        async throws(ProcessError)
        -> Value
    {
        try ArgumentCheck.target(definition: id, host: host)
        let exit = ExitFuture()
        let (child, definition) = try table.withLock { t throws(ProcessError) -> (LocalProcess, ProcessDefinition) in
            let parent = try t.callerHandle(caller.pid)
            let definition = try t.definition(id)
            let pid = try t.admit(host: host)
            let child = LocalProcess(
                pid: pid, frame: parent.frame,
                security: definition.security?.applied(to: parent.security) ?? parent.security,
                contextValues: [:], front: parent.front, exit: exit, runtime: self)
            t.insert(pid, handle: child, definition: definition.id, parent: nil, mode: .plain, name: nil)
            return (child, definition)
        }
        launch(child, definition, args: args)
        let result: ExitResult
        do {
            result = try await exit.value()
        } catch {
            throw ProcessError(
                .invalid,
                "calling process `\(caller.pid)` stopped while waiting for `\(id)`; hint: the child keeps running",
                code: "caller-not-running")
        }
        switch result {
        case .value(let value): return value
        case .error(let error): throw error
        }
    }

    /// Starts a root process from outside any process.
    public func start(_ request: StartRequest) async throws(ProcessError) -> ProcessHandle {
        try ArgumentCheck.target(definition: request.definition, host: request.host)
        if let name = request.name { try ArgumentCheck.name(name) }
        let exit = ExitFuture()
        let (root, definition) = try table.withLock { t throws(ProcessError) -> (LocalProcess, ProcessDefinition) in
            let definition = try t.definition(request.definition)
            try t.checkHost(request.host)
            if let name = request.name, let holder = t.names[name] {
                throw ProcessError(
                    .alreadyExists, "name `\(name)` is already registered to `\(holder)`; hint: pick another name",
                    code: "name-taken")
            }
            let pid = try t.admit(host: request.host)
            let root = LocalProcess(
                pid: pid, frame: pid.description,
                security: definition.security?.applied(to: request.security) ?? request.security,
                contextValues: request.contextValues ?? [:], front: request.front ?? self, exit: exit, runtime: self)
            t.insert(pid, handle: root, definition: definition.id, parent: nil, mode: .plain, name: request.name)
            return (root, definition)
        }
        launch(root, definition, args: request.args)
        return ProcessHandle(pid: root.pid, exit: exit)
    }

    /// Schedules the caller's new code; it runs once the current body unwinds.
    nonisolated(nonsending) public func upgrade(to definition: String?, args: [Value], caller: Caller)
        async throws(ProcessError)
    {
        if let definition, definition.isEmpty {
            throw ProcessError(
                .invalid, "empty definition id; hint: pass nil to keep the current definition", code: "missing-argument"
            )
        }
        try table.withLock { t throws(ProcessError) in
            let current = try t.currentDefinition(of: caller.pid)
            let target = try t.definition(definition ?? current)
            try t.scheduleUpgrade(caller.pid, to: target, args: args)
        }
    }

    /// Starts the task that runs `process`. The first context is built here, so the task's
    /// own frames stay small (an idle process's memory is mostly its task).
    private func launch(_ process: LocalProcess, _ definition: ProcessDefinition, args: [Value]) {
        let context = process.context(definition: definition.id, args: args)
        let body = definition.body
        let task = Task.detached(executorPreference: executor) { await self.run(process, body, context) }
        process.attach(task)
    }

    /// The body loop: run, then either apply a pending upgrade and run again, or exit.
    private func run(_ process: LocalProcess, _ firstBody: @escaping ProcessBody, _ firstContext: ProcessContext) async
    {
        guard !process.isStopped else { return }
        var body = firstBody
        var context = firstContext
        while true {
            let result: ExitResult
            do {
                result = .value(try await body(context))
            } catch let error as ProcessError {
                result = .error(error)
            } catch {
                result = .error(ProcessError(.internal, "process body failed: `\(error)`", code: "process-failed"))
            }
            let pid = process.pid
            switch table.withLock({ $0.bodyFinished(pid, result) }) {
            case .upgrade(let upgrade):
                body = upgrade.definition.body
                context = process.context(definition: upgrade.definition.id, args: upgrade.args)
            case .exit(let effects):
                perform(effects, returned: pid)
                return
            }
        }
    }
}
