import CLua
import CLuaShim
import WardenRuntime
import WardenValue

/// Lets the cancellation handler ask the hook to stop the process.
///
/// `@unchecked Sendable` is safe: the only use from another thread is
/// `warden_lua_request_stop`, an atomic store into the state's host record, and the handler
/// runs only while `run` (which owns the state) is still executing.
private struct StopSwitch: @unchecked Sendable {
    let state: OpaquePointer
    func stop() { warden_lua_request_stop(state) }
}

extension LuaProcess {
    /// Runs the program's chunk and then its method with the process's arguments; returns the
    /// method's first result as the process result.
    func run(_ program: LuaProgram) async throws -> Value {
        self.program = program
        let stack = LuaStack(state: state)
        let bootstrap = try loadBoot()
        try loadBinary(program.bytecode, chunkName: "@" + program.chunkName)
        guard let main = newThread(on: stack, isMain: true) else { throw LuaProcess.memoryError }
        let co = LuaStack(state: main.state)
        // Stack of `state`: bootstrap, chunk. Move both, then push the method and the arguments.
        lua_rawgeti(state, luaRegistryIndex, lua_Integer(bootstrap))
        release(bootstrap)
        lua_rotate(state, -2, 1)
        lua_xmove(state, main.state, 2)
        if let method = program.method { co.push(method) } else { co.pushNil() }
        _ = lua_checkstack(main.state, Int32(clamping: context.args.count + 4))
        for argument in context.args { co.push(value: argument) }
        scheduler.makeReady(main, with: .start(arguments: Int32(2 + context.args.count)))
        let stopper = StopSwitch(state: state)
        return try await withTaskCancellationHandler {
            try await drive()
        } onCancel: {
            stopper.stop()
        }
    }

    /// Runs the boot piece: stores the lazy-global fallback in the registry (`warden.lazy`) and
    /// returns a registry reference to the bootstrap function.
    private func loadBoot() throws(ProcessError) -> Int32 {
        let stack = LuaStack(state: state)
        try loadBinary(LuaPrelude.bytecode["boot"] ?? [], chunkName: LuaPrelude.chunkName)
        stack.newTable()
        stack.push(function: .makePrimitive)
        let status = warden_lua_protected_call(state, 2, 2)
        try check(status, loading: "the prelude")
        stack.rawSet(table: luaRegistryIndex, key: "warden.lazy")
        return luaL_ref(state, luaRegistryIndex)
    }

    /// Loads bytecode made by ``LuaCompiler`` and pushes the function onto `thread` (by
    /// default the process's main state).
    func loadBinary(_ bytecode: [UInt8], chunkName: String, onto thread: OpaquePointer? = nil) throws(ProcessError) {
        let target = thread ?? state
        let status = bytecode.withUnsafeBufferPointer { bytes in
            warden_lua_load_binary(target, bytes.baseAddress, bytes.count, chunkName)
        }
        try check(status, loading: chunkName, on: target)
    }

    /// The driver loop: resumes ready coroutines, performs what they block on, and waits for
    /// completions when nothing is ready. Returns when the main coroutine returns.
    private func drive() async throws -> Value {
        while true {
            try checkAlive()
            guard let (thread, values) = scheduler.nextReady() else {
                guard scheduler.inFlight > 0 else {
                    throw ProcessError(
                        .internal,
                        "deadlock: every coroutine of the process waits on a channel nothing can complete",
                        code: "deadlock")
                }
                for completion in await scheduler.completions.next() { apply(completion) }
                continue
            }
            if let result = try await step(thread, resumingWith: values) { return result }
        }
    }

    /// Ends the process when it went over its memory limit or was stopped. A cancelled task
    /// sets the stop flag too (the cancellation handler of `run`), so the flag is all there is
    /// to read on every step.
    private func checkAlive() throws(ProcessError) {
        if warden_lua_memory_exceeded(state) != 0 { throw LuaProcess.memoryError }
        if warden_lua_stop_requested(state) != 0 { throw ProcessError.terminated }
    }

    private func apply(_ completion: Completion) {
        switch completion {
        case .reply(let id, let reply):
            scheduler.inFlight -= 1
            if let thread = scheduler.callers.removeValue(forKey: id) {
                scheduler.makeReady(thread, with: .reply(reply))
            }
        case .pumped(let id, let item):
            scheduler.pumpTasks[id] = nil
            if let channel = scheduler.pumped.removeValue(forKey: id) {
                scheduler.inFlight -= 1
                scheduler.deliverPumped(item, to: channel)
            }
        }
    }

    /// Lets every other ready job run before this process continues (after a preemption).
    ///
    /// `Task.yield()` is not enough: an executor that runs its own queue before jobs made ready
    /// from outside (the built-in runtime's workers do) would run a yielding busy loop again at
    /// once, and jobs woken by timers or other threads (a `terminate`, a reply) could wait
    /// forever behind it. A short sleep is resumed from outside, behind those jobs.
    private func giveUpThread() async {
        try? await Task.sleep(for: .microseconds(1))
    }

    /// Elements of process channels drawn from the runtime but not yet received, by runtime
    /// channel, oldest first (kept for the code that runs after `process.upgrade`).
    private func bufferedExternalItems() -> [ObjectIdentifier: [ExternalItem]] {
        var kept = leftovers
        let channels = [inboxChannel, eventsChannel].compactMap { $0 } + Array(listenChannels.values)
        for channel in channels {
            while let item = channel.popFirst() {
                if case .external(let external) = item {
                    kept[ObjectIdentifier(channel.sourceObject), default: []].append(external)
                }
            }
        }
        return kept
    }

    /// Resumes one coroutine; returns the process result when the main coroutine finished.
    private func step(_ thread: LuaThread, resumingWith values: consuming ResumeValues) async throws -> Value? {
        let arguments = push(values, onto: LuaStack(state: thread.state))
        var resultCount: Int32 = 0
        scheduler.running = thread
        let status = warden_lua_resume(thread.state, state, arguments, &resultCount)
        scheduler.running = nil
        // Over the limit (possibly by an overdraft granted while Swift pushed values): the
        // process ends here, whatever the coroutine returned.
        if warden_lua_memory_exceeded(state) != 0 { throw LuaProcess.memoryError }
        switch status {
        case LUA_OK:
            defer { retire(thread) }
            guard thread.isMain else { return nil }
            return try mainResult(thread, count: resultCount)
        case LUA_YIELD:
            lua_settop(thread.state, -resultCount - 1)
            if let operation = scheduler.pending {
                scheduler.pending = nil
                try await perform(operation, for: thread)
            } else {
                scheduler.makeReady(thread, with: .nothing)
                if warden_lua_take_preempted(state) != 0 { await giveUpThread() }
            }
            return nil
        default:
            throw failure(of: thread, status: status)
        }
    }

    /// The error a failed coroutine ends the process with: its message and traceback.
    private func failure(of thread: LuaThread, status: Int32) -> ProcessError {
        if status == LUA_ERRMEM || warden_lua_memory_exceeded(state) != 0 { return LuaProcess.memoryError }
        if warden_lua_stop_requested(state) != 0 || Task.isCancelled { return .terminated }
        let stack = LuaStack(state: state)
        let reportStatus = warden_lua_error_report(state, thread.state)
        let message = stack.string(at: -1) ?? "lua error"
        stack.pop()
        if reportStatus == LUA_ERRMEM { return LuaProcess.memoryError }
        return ProcessError(.internal, message, code: "lua-error")
    }

    /// The main function's results: the first value is the process result; `nil, err` is an
    /// abnormal exit with `err`, whether `err` is an error value or a message string (Lua's own
    /// convention, `return nil, "not configured"`).
    private func mainResult(_ thread: LuaThread, count: Int32) throws(ProcessError) -> Value {
        let co = LuaStack(state: thread.state)
        guard count > 0 else { return .null }
        let first = -count
        if count >= 2, co.isNoneOrNil(first) {
            if let error = errorValue(on: co, at: first + 1) { throw error }
            if let message = co.string(at: first + 1) {
                throw ProcessError(.internal, message, code: "lua-error-result")
            }
        }
        return try LuaValueReader.read(co, at: first, what: "process result")
    }

    /// The ``ProcessError`` of an error value made by the prelude, if the value is one.
    func errorValue(on stack: LuaStack, at index: Int32) -> ProcessError? {
        let absolute = lua_absindex(stack.state, index)
        guard warden_lua_is_error(stack.state, absolute) != 0 else { return nil }
        stack.rawGet(table: absolute, key: "_kind")
        stack.rawGet(table: absolute, key: "_message")
        let kind = stack.string(at: -2).flatMap(ProcessError.Kind.init(rawValue:)) ?? .internal
        let message = stack.string(at: -1) ?? "error"
        stack.pop(2)
        return ProcessError(kind, message)
    }

    /// `chunk:line` of the innermost frame of `thread` (suspended in a call) that runs the
    /// process's own Lua code, not the prelude's; `nil` when there is none.
    private func callSite(of thread: LuaThread) -> String? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            guard let base = buffer.baseAddress, warden_lua_call_site(thread.state, base, buffer.count) != 0 else {
                return nil
            }
            return String(cString: base)
        }
    }

    /// Runs a runtime call with its call site bound, when there is one.
    private static func run(_ call: @Sendable () async -> LuaReply, at site: String?) async -> LuaReply {
        guard let site else { return await call() }
        return await CallSite.$current.withValue(site) { await call() }
    }

    /// Performs what a coroutine blocked on.
    private func perform(_ operation: BlockingOperation, for thread: LuaThread) async throws {
        switch operation {
        case .call(let call):
            // The Lua line that made the call, for the gateway's audit record (`CallSite`),
            // found only when the runtime reads it.
            let site = context.front.readsCallSites ? callSite(of: thread) : nil
            if scheduler.liveThreads == 1, scheduler.inFlight == 0 {
                let reply = await LuaProcess.run(call, at: site)
                scheduler.makeReady(thread, with: .reply(reply))
            } else {
                scheduler.inFlight += 1
                scheduler.callers[thread.id] = thread
                let completions = scheduler.completions
                let id = thread.id
                Task {
                    let reply = await LuaProcess.run(call, at: site)
                    completions.post(.reply(thread: id, reply))
                }
            }
        case .receive(let channel, let source):
            channel.pumping = true
            let item = await source.receive()
            channel.pumping = false
            try checkAlive()
            if let item {
                scheduler.makeReady(thread, with: .received(.external(item), ok: true))
            } else {
                scheduler.close(channel)
                scheduler.makeReady(thread, with: .received(nil, ok: false))
            }
        case .wait(let wait):
            if scheduler.liveThreads == 1, scheduler.inFlight == 0, wait.cases.count == 1,
                wait.cases[0].sending == nil, let source = wait.cases[0].channel.source
            {
                let channel = wait.cases[0].channel
                channel.pumping = true
                let item = await source.receive()
                try checkAlive()
                scheduler.deliverPumped(item, to: channel)
            } else {
                for selectCase in wait.cases where selectCase.sending == nil && !wait.done {
                    if selectCase.channel.source != nil, !selectCase.channel.pumping {
                        startPump(selectCase.channel)
                    }
                }
            }
        case .upgrade(let definition, let args):
            // Elements pumps already drew must reach the new code, not vanish with this state.
            let taken = await drainPumps()
            do {
                try await context.upgrade(to: definition, args: args)
            } catch let error as ProcessError {
                for (channel, item) in taken { scheduler.deliverPumped(item, to: channel) }
                scheduler.makeReady(thread, with: .reply(.failure(error)))
            } catch {
                var kept = bufferedExternalItems()
                for (channel, item) in taken {
                    kept[ObjectIdentifier(channel.sourceObject), default: []].append(item)
                }
                LuaLeftovers.shared.store(kept, for: context.pid)
                throw error
            }
        }
    }
}
