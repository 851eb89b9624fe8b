/// A coroutine the driver runs: the process's main function or one `coroutine.spawn`ed.
final class LuaThread {
    /// Identifies the coroutine in completions posted by other tasks.
    let id: Int
    /// The coroutine's `lua_State`.
    let state: OpaquePointer
    /// The registry reference that keeps the coroutine alive.
    let reference: Int32
    /// Whether the process ends when this coroutine returns.
    let isMain: Bool

    init(id: Int, state: OpaquePointer, reference: Int32, isMain: Bool) {
        self.id = id
        self.state = state
        self.reference = reference
        self.isMain = isMain
    }
}
