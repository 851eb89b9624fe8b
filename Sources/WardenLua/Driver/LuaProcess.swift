import CLua
import CLuaShim
import WardenRuntime
import WardenValue

/// One running Lua process: its own `lua_State` (nothing is shared with other processes), the
/// coroutines of the process and the channels between them.
///
/// Created and used by one process body on one task; the Swift functions Lua calls run on that
/// task too (inside `lua_resume`), so nothing here is shared between threads.
final class LuaProcess {
    let context: ProcessContext
    let scheduler = LuaScheduler()
    /// How the scheduler and the channels reach this process (cleared when it closes).
    let link = LuaProcessLink()
    /// This process's PID as Lua code sees it (`process.pid()`), made once.
    lazy var pidText = context.pid.description
    /// The sender of the last message handed to Lua and its text: a receive loop mostly hears
    /// from the same few processes, and this spares formatting the PID for each message.
    var lastSender: (pid: PID, text: String)?
    /// The destination the last call named, as given and parsed.
    var lastDestination: (text: String, destination: Destination)?
    let state: OpaquePointer
    private(set) var isClosed = false
    private var nextThreadID = 0
    var inboxChannel: LuaChannel?
    var eventsChannel: LuaChannel?
    var listenChannels: [String: LuaChannel] = [:]
    /// Elements the previous code of this process (before `process.upgrade`) had drawn from its
    /// runtime channels but not received, by channel.
    var leftovers: [ObjectIdentifier: [ExternalItem]] = [:]
    /// The program the process runs (set when it starts).
    var program: LuaProgram?

    /// Opens a state with the safe libraries, the preemption hook and the prelude.
    init(context: ProcessContext, limits: LuaLimits) throws(ProcessError) {
        _ = LuaDispatch.installed
        self.context = context
        guard let state = warden_lua_open(Int(clamping: max(limits.memoryLimit, 0)), nil) else {
            throw LuaProcess.memoryError
        }
        self.state = state
        warden_lua_set_owner(state, Unmanaged.passUnretained(self).toOpaque())
        link.process = self
        scheduler.releaseReference = { [link] reference in link.process?.release(reference) }
        scheduler.startPump = { [link] channel in link.process?.startPump(channel) }
        leftovers = LuaLeftovers.shared.take(for: context.pid)
        let slice = limits.timeSlice.components
        let sliceNanoseconds =
            UInt64(max(0, slice.seconds)) * 1_000_000_000 + UInt64(max(0, slice.attoseconds / 1_000_000_000))
        do {
            try check(warden_lua_open_safe_libraries(state), loading: "the standard library")
            warden_lua_set_preemption(state, max(limits.hookInstructions, 100), sliceNanoseconds)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Closes the Lua state (idempotent); channels collected afterwards release nothing.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        link.process = nil
        warden_lua_close(state)
    }

    static let memoryError = ProcessError(.internal, "memory limit exceeded", code: "memory-limit-exceeded")

    /// Throws the error on the stack of a failed load or protected call.
    func check(_ status: Int32, loading what: String, on thread: OpaquePointer? = nil) throws(ProcessError) {
        guard status != LUA_OK else { return }
        let stack = LuaStack(state: thread ?? state)
        if status == LUA_ERRMEM || warden_lua_memory_exceeded(state) != 0 { throw LuaProcess.memoryError }
        let message = stack.string(at: -1) ?? "error while loading \(what)"
        stack.pop()
        throw ProcessError(.invalid, message, code: "lua-load-error")
    }

    func release(_ reference: Int32) {
        guard !isClosed else { return }
        luaL_unref(state, luaRegistryIndex, reference)
    }

    func makeThreadID() -> Int {
        nextThreadID += 1
        return nextThreadID
    }

    /// Creates a driver coroutine; the caller then moves its function and arguments onto it.
    func newThread(on stack: LuaStack, isMain: Bool) -> LuaThread? {
        guard let thread = warden_lua_new_driver_thread(stack.state) else { return nil }
        let reference = luaL_ref(stack.state, luaRegistryIndex)
        scheduler.liveThreads += 1
        return LuaThread(id: makeThreadID(), state: thread, reference: reference, isMain: isMain)
    }

    /// Forgets a finished coroutine.
    func retire(_ thread: LuaThread) {
        scheduler.liveThreads -= 1
        release(thread.reference)
    }

    /// Starts a task that draws the next element of a process channel for waiting coroutines.
    ///
    /// The task's receive ends when an element arrives, the channel closes, or the task is
    /// cancelled (``drainPumps()``), never losing an element.
    func startPump(_ channel: LuaChannel) {
        guard let source = channel.source, !channel.pumping else { return }
        channel.pumping = true
        let id = ObjectIdentifier(channel)
        scheduler.pumped[id] = channel
        scheduler.inFlight += 1
        let completions = scheduler.completions
        scheduler.pumpTasks[id] = Task {
            let item = await source.receiveUnlessCancelled()
            completions.post(.pumped(channel: id, item: item))
            return item
        }
    }

    /// Stops every pump and returns the elements they had already taken, by channel.
    func drainPumps() async -> [(channel: LuaChannel, item: ExternalItem)] {
        var taken: [(channel: LuaChannel, item: ExternalItem)] = []
        for (id, task) in scheduler.pumpTasks {
            task.cancel()
            let item = await task.value
            if let channel = scheduler.pumped.removeValue(forKey: id) {
                scheduler.inFlight -= 1
                channel.pumping = false
                if let item { taken.append((channel, item)) }
            }
        }
        scheduler.pumpTasks = [:]
        return taken
    }
}
