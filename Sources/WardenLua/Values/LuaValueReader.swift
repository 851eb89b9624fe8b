import CLua
import WardenRuntime
import WardenValue

/// Copies Lua values into ``Value``s for everything that crosses a process boundary.
///
/// nil, booleans, integers, floats and strings map one to one. A table whose keys are exactly
/// `1...n` (n >= 1) becomes a list; a table with string keys only becomes a map; an empty table
/// becomes an empty map. Functions, coroutines, userdata, cyclic tables, tables mixing key kinds
/// and nesting deeper than ``maximumDepth`` are refused with `INVALID`, naming what was found and
/// where. Tables are read raw: metamethods never run.
struct LuaValueReader {
    /// The deepest nesting of tables accepted.
    static let maximumDepth = 100

    let stack: LuaStack
    private var path: [UnsafeRawPointer] = []

    init(stack: LuaStack) {
        self.stack = stack
    }

    /// Reads the value at `index`; `what` names it in errors (`argument 2`, `payload`).
    static func read(_ stack: LuaStack, at index: Int32, what: String) throws(ProcessError) -> Value {
        var reader = LuaValueReader(stack: stack)
        return try reader.value(at: lua_absindex(stack.state, index), location: what)
    }

    /// Reads `count` values starting at `index`.
    static func read(_ stack: LuaStack, from index: Int32, count: Int32, what: String) throws(ProcessError) -> [Value] {
        guard count > 0 else { return [] }
        var values: [Value] = []
        values.reserveCapacity(Int(count))
        for offset in 0..<count {
            values.append(try read(stack, at: index + offset, what: "\(what) \(offset + 1)"))
        }
        return values
    }

    private mutating func value(at index: Int32, location: String) throws(ProcessError) -> Value {
        switch stack.type(at: index) {
        case LUA_TNIL, LUA_TNONE:
            return .null
        case LUA_TBOOLEAN:
            return .bool(stack.boolean(at: index))
        case LUA_TNUMBER:
            if lua_isinteger(stack.state, index) != 0 { return .int(Int(lua_tointegerx(stack.state, index, nil))) }
            return .double(lua_tonumberx(stack.state, index, nil))
        case LUA_TSTRING:
            return .string(stack.string(at: index) ?? "")
        case LUA_TTABLE:
            return try table(at: index, location: location)
        default:
            throw refused(stack.typeName(at: index), at: location)
        }
    }

    private func refused(_ found: String, at location: String) -> ProcessError {
        ProcessError(
            .invalid,
            "cannot copy a \(found) value (\(location)) to another process; hint: send only nil, booleans, numbers, strings and tables of those",
            code: "invalid-value")
    }

    private mutating func table(at index: Int32, location: String) throws(ProcessError) -> Value {
        guard let identity = lua_topointer(stack.state, index) else { return .map([:]) }
        if path.contains(identity) {
            throw ProcessError(
                .invalid,
                "cannot copy a cyclic table (\(location)) to another process; hint: break the cycle before sending",
                code: "invalid-value")
        }
        guard path.count < LuaValueReader.maximumDepth, lua_checkstack(stack.state, 4) != 0 else {
            throw ProcessError(
                .invalid,
                "table nested deeper than \(LuaValueReader.maximumDepth) levels (\(location)); hint: flatten the value",
                code: "invalid-value")
        }
        path.append(identity)
        defer { path.removeLast() }

        let length = Int(lua_rawlen(stack.state, index))
        var entries = 0
        var stringKeys = 0
        var map: [String: Value] = [:]
        stack.pushNil()
        while lua_next(stack.state, index) != 0 {
            entries += 1
            if stack.type(at: -2) == LUA_TSTRING, let key = stack.string(at: -2) {
                stringKeys += 1
                do {
                    map[key] = try value(at: lua_absindex(stack.state, -1), location: location + "." + key)
                } catch {
                    stack.pop(2)
                    throw error
                }
            }
            stack.pop()
        }
        if entries == 0 { return .map([:]) }
        if stringKeys == entries { return .map(map) }
        guard stringKeys == 0, length == entries else {
            throw ProcessError(
                .invalid,
                "cannot copy a table mixing list items and other keys (\(location)); hint: use either a list 1..n or string keys",
                code: "invalid-value")
        }
        var list: [Value] = []
        list.reserveCapacity(length)
        for position in 1...length {
            stack.rawGet(table: index, index: position)
            do {
                list.append(try value(at: lua_absindex(stack.state, -1), location: "\(location)[\(position)]"))
            } catch {
                stack.pop()
                throw error
            }
            stack.pop()
        }
        return .list(list)
    }
}
