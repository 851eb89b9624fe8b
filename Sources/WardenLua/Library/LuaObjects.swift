import CLua
import CLuaShim
import WardenRuntime

/// The objects the host hands to Lua code (error values, channels), made directly on the stack
/// with metatables whose methods are host functions, so that a process using them loads no Lua
/// code for them.
extension LuaStack {
    /// Pushes the error value of `error` (`err:kind()`, `err:message()`, `tostring(err)`).
    func push(error: ProcessError) {
        push(errorKind: error.kind.rawValue, message: error.message)
    }

    /// Pushes an error value of kind `kind` (`INVALID`, `NOT_FOUND`, ...) with `message`.
    func push(errorKind kind: String, message: String) {
        var message = message
        message.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                warden_lua_push_error(state, kind, chars.baseAddress, chars.count)
            }
        }
    }

    /// Pushes the channel object of `channel` (a table holding its handle under a key Lua code
    /// cannot name, with the channel methods `send`, `receive`, `close`, `case_receive` and
    /// `case_send`).
    func push(channel: LuaChannel) {
        newTable(recordCount: 1)
        push(object: channel)
        warden_lua_set_handle(state, -2)
        pushChannelMetatable()
        lua_setmetatable(state, -2)
    }

    /// The channel of the channel object at `index`, if it is one.
    func channel(at index: Int32) -> LuaChannel? {
        guard type(at: index) == LUA_TTABLE else { return nil }
        warden_lua_get_handle(state, lua_absindex(state, index))
        defer { pop() }
        return object(at: -1, as: LuaChannel.self)
    }

    /// Pushes the metatable of channel objects, made in this state on first use.
    func pushChannelMetatable() {
        guard warden_lua_channel_metatable(state) != 0 else { return }
        newTable(recordCount: 5)
        for (name, function) in [
            ("send", LuaFunctionID.channelSend), ("receive", .channelReceive), ("close", .channelClose),
        ] {
            push(function: function)
            rawSet(table: -2, key: name)
        }
        lua_pushcclosure(state, warden_lua_case_receive, 0)
        rawSet(table: -2, key: "case_receive")
        lua_pushcclosure(state, warden_lua_case_send, 0)
        rawSet(table: -2, key: "case_send")
        rawSet(table: -2, key: "__index")
    }
}
