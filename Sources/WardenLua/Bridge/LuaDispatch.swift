import CLua
import CLuaShim

/// Connects the C trampolines to the Swift functions; installed once per program.
enum LuaDispatch {
    /// Installs the dispatcher and the release function (idempotent, thread-safe).
    static let installed: Void = {
        warden_lua_install(dispatch, release)
    }()

    private static let dispatch: warden_lua_dispatch_fn = { state, id in
        guard let state else { return WARDEN_LUA_RAISE }
        guard let owner = warden_lua_owner(state) else {
            warden_lua_set_error(state, "host function called on a state without a process")
            return WARDEN_LUA_RAISE
        }
        guard let function = LuaFunctionID(rawValue: id) else {
            warden_lua_set_error(state, "unknown host function \(id)")
            return WARDEN_LUA_RAISE
        }
        // The process owns the state and outlives this call: no retain needed to use it.
        let process = Unmanaged<LuaProcess>.fromOpaque(owner)
        let outcome = process._withUnsafeGuaranteedRef { $0.call(function, on: LuaStack(state: state)) }
        switch outcome {
        case .results(let count):
            return count
        case .raise(let message):
            warden_lua_set_error(state, message)
            return WARDEN_LUA_RAISE
        case .block(let operation):
            guard warden_lua_is_driver(state) != 0, lua_isyieldable(state) != 0 else {
                warden_lua_set_error(
                    state,
                    "a blocking call cannot run here (inside a plain coroutine or a metamethod); hint: use `coroutine.spawn` for concurrent code"
                )
                return WARDEN_LUA_RAISE
            }
            process._withUnsafeGuaranteedRef { $0.scheduler.pending = operation }
            return WARDEN_LUA_YIELD
        }
    }

    private static let release: warden_lua_release_fn = { object in
        guard let object else { return }
        Unmanaged<AnyObject>.fromOpaque(object).release()
    }
}
