import WardenRuntime
import WardenValue

/// An operation a coroutine waits for; the driver performs it after the coroutine has yielded.
enum BlockingOperation {
    /// A runtime call (send, spawn, exec, ...) run on the driver's task.
    case call(@Sendable () async -> LuaReply)
    /// Parked on one or more channels until a case is ready.
    case wait(SelectWait)
    /// The plain receive loop: the process's only coroutine receives from an empty process
    /// channel (inbox, events, listen) and nothing else is in flight, so the driver awaits the
    /// runtime channel itself, with nothing parked.
    case receive(LuaChannel, ExternalSource)
    /// `process.upgrade`: ends the current body once scheduled.
    case upgrade(definition: String?, args: [Value])
}

/// The result of a runtime call, as the driver hands it back to Lua.
enum LuaReply: Sendable {
    /// `true`.
    case ok
    /// These values.
    case values([Value])
    /// `nil, err` (an error value made by the host).
    case failure(ProcessError)
}

/// What a resumed coroutine receives as the results of the call it blocked in.
enum ResumeValues {
    /// A new coroutine: its function and arguments are already on its stack.
    case start(arguments: Int32)
    /// Nothing (after a preemption).
    case nothing
    /// A runtime call's result.
    case reply(LuaReply)
    /// `item, ok` of a receive.
    case received(ChannelItem?, ok: Bool)
    /// `case index, item, ok` of a select (index 0: the default branch).
    case selected(index: Int, item: ChannelItem?, ok: Bool)
    /// `true`: a send completed.
    case sent
    /// A send failed (the channel was closed): the blocked call raises `message`.
    case sendFailed(String)
}
