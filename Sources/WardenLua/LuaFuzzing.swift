import CLuaShim
import WardenValue

/// Entry points for the fuzz targets (`Fuzz/Sources/FuzzLua`): the Lua host's handling of
/// outside input, run without a runtime or a process.
public enum LuaFuzzing {
    /// The type eraser over `source` (as for a file `fuzz.lua`): the erased text, or `nil` when
    /// the eraser refuses the source with a load error.
    public static func erase(_ source: String) -> String? {
        try? TypeEraser.erase(source, chunkName: "fuzz.lua")
    }

    /// `value` pushed onto a fresh Lua state and read back, the way a message or an argument
    /// crosses into a Lua process and out again; `nil` when the reader refuses what it finds
    /// (`INVALID`) or no state could be made.
    public static func roundTrip(_ value: Value) -> Value? {
        guard let state = warden_lua_open(64 << 20, nil) else { return nil }
        defer { warden_lua_close(state) }
        let stack = LuaStack(state: state)
        stack.push(value: value)
        return try? LuaValueReader.read(stack, at: -1, what: "value")
    }
}
