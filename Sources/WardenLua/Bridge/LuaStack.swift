import CLua
import CLuaShim
import Foundation

/// The registry pseudo-index (`LUA_REGISTRYINDEX`, a macro Swift cannot import).
let luaRegistryIndex: Int32 = -1_000_000 - 1000

/// Thin, non-raising helpers over a `lua_State *` for the Swift side of the host.
///
/// Every helper here either cannot raise or only allocates; the host's allocator never refuses
/// memory while Swift is on the stack (see `CLuaShim.h`), so none of them can `longjmp` through
/// a Swift frame. Helpers that would run metamethods (`lua_gettable`, `luaL_tolstring`) are not
/// offered: Swift reads tables with raw access only.
struct LuaStack {
    /// The state or thread the helpers act on.
    let state: OpaquePointer

    var top: Int32 { lua_gettop(state) }

    func pop(_ count: Int32 = 1) { lua_settop(state, -count - 1) }

    func setTop(_ index: Int32) { lua_settop(state, index) }

    func type(at index: Int32) -> Int32 { lua_type(state, index) }

    func isNoneOrNil(_ index: Int32) -> Bool { lua_type(state, index) <= LUA_TNIL }

    func pushNil() { lua_pushnil(state) }

    func push(_ value: Bool) { lua_pushboolean(state, value ? 1 : 0) }

    func push(_ value: Int) { lua_pushinteger(state, lua_Integer(value)) }

    func push(_ value: Double) { lua_pushnumber(state, value) }

    func push(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = lua_pushlstring(state, chars.baseAddress, chars.count)
            }
        }
    }

    func newTable(arrayCount: Int = 0, recordCount: Int = 0) {
        lua_createtable(state, Int32(clamping: arrayCount), Int32(clamping: recordCount))
    }

    /// `t[key] = top` without metamethods, for the table at `table` (pops the value).
    func rawSet(table: Int32, key: String) {
        let absolute = lua_absindex(state, table)
        push(key)
        lua_rotate(state, -2, 1)
        lua_rawset(state, absolute)
    }

    /// `t[index] = top` without metamethods (pops the value).
    func rawSet(table: Int32, index: Int) {
        lua_rawseti(state, table, lua_Integer(index))
    }

    /// Pushes `t[key]` without metamethods and returns its type.
    @discardableResult
    func rawGet(table: Int32, key: String) -> Int32 {
        let absolute = lua_absindex(state, table)
        push(key)
        return lua_rawget(state, absolute)
    }

    /// Pushes `t[index]` without metamethods and returns its type.
    @discardableResult
    func rawGet(table: Int32, index: Int) -> Int32 {
        lua_rawgeti(state, table, lua_Integer(index))
    }

    /// The string at `index` if it is a string (numbers are not converted).
    func string(at index: Int32) -> String? {
        guard lua_type(state, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let chars = lua_tolstring(state, index, &length) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: chars, count: length)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the value at `index` is a string with the same bytes as `text` (no Swift string
    /// is made for the comparison).
    func string(at index: Int32, equals text: String) -> Bool {
        guard lua_type(state, index) == LUA_TSTRING else { return false }
        var length = 0
        guard let chars = lua_tolstring(state, index, &length) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == length, let base = bytes.baseAddress else { return bytes.count == length }
            return memcmp(base, chars, length) == 0
        }
    }

    /// The integer at `index` if it is an integer, or a float with an exact integer value.
    func integer(at index: Int32) -> Int? {
        guard lua_type(state, index) == LUA_TNUMBER else { return nil }
        var isInteger: Int32 = 0
        let value = lua_tointegerx(state, index, &isInteger)
        return isInteger != 0 ? Int(value) : nil
    }

    func boolean(at index: Int32) -> Bool { lua_toboolean(state, index) != 0 }

    /// Lua's own name for the type at `index` (`"table"`, `"function"`, ...).
    func typeName(at index: Int32) -> String {
        String(cString: lua_typename(state, lua_type(state, index)))
    }

    /// The host object held by the userdata at `index`, if it is one of ours of type `T`.
    func object<T: AnyObject>(at index: Int32, as type: T.Type) -> T? {
        guard let raw = warden_lua_to_object(state, index) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(raw).takeUnretainedValue() as? T
    }

    /// Pushes a userdata that keeps `object` alive until Lua collects it.
    func push(object: AnyObject) {
        warden_lua_push_object(state, Unmanaged.passRetained(object).toOpaque())
    }

    /// Pushes a Lua function that calls the Swift function `id` through the C trampoline.
    func push(function id: LuaFunctionID) {
        warden_lua_push_function(state, id.rawValue)
    }
}
