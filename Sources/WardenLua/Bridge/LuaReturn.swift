/// What a Swift function called from Lua asks the trampoline to do once its frame is gone.
enum LuaReturn {
    /// Return this many values from the top of the stack.
    case results(Int32)
    /// Raise a Lua error with this message (the trampoline prefixes the call site).
    case raise(String)
    /// Suspend the calling coroutine until the driver has performed the operation.
    case block(BlockingOperation)
}
