/// Where in a process's own source code a runtime call was made (`relay.lua:42`), for the
/// call's audit record.
///
/// A process host that knows the positions of its code (the Lua host) binds it around each
/// runtime call it makes for that code; a gateway reads it while it handles the call and writes
/// it into the record. Calls made without one (Swift process bodies, `POST /v1/authorize`) have
/// none, and their records have no `site`.
public enum CallSite {
    /// The call site of the runtime call the current task is making, if its host bound one.
    @TaskLocal public static var current: String?
}
