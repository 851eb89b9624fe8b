/// The way back from what a process owns (its scheduler, its channels) to the process, cleared
/// when the process closes its state.
///
/// Not a `weak` reference: a weak reference gives the process a side table, and then every
/// retain and release of the process (several per Lua call into the host) takes the runtime's
/// slow path. `unowned(unsafe)` is safe here: the process clears the link before it closes its
/// state, and only code running for that process (on its task, or while it closes) follows it.
final class LuaProcessLink {
    /// The process, until it closes.
    unowned(unsafe) var process: LuaProcess?

    init() {}
}
