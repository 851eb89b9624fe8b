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

    /// A step from a value into one of its parts, for the location errors name.
    private enum Step {
        case key(String)
        case index(Int)
    }

    let stack: LuaStack
    /// What the value read is (`payload value`, `spawner options`), and its position among
    /// several (`payload value 2`).
    private let what: String
    private let position: Int32?
    private var path: [UnsafeRawPointer] = []
    /// The steps from the value read to the one being read; the location string is built from
    /// them only when an error needs it.
    private var steps: [Step] = []

    private init(stack: LuaStack, what: String, position: Int32?) {
        self.stack = stack
        self.what = what
        self.position = position
    }

    /// Reads the value at `index`; `what` names it in errors (`argument 2`, `payload`).
    static func read(_ stack: LuaStack, at index: Int32, what: String) throws(ProcessError) -> Value {
        var reader = LuaValueReader(stack: stack, what: what, position: nil)
        return try reader.value(at: lua_absindex(stack.state, index))
    }

    /// Reads `count` values starting at `index`; errors name them `what 1`, `what 2`, ...
    static func read(_ stack: LuaStack, from index: Int32, count: Int32, what: String) throws(ProcessError) -> [Value] {
        guard count > 0 else { return [] }
        var values: [Value] = []
        values.reserveCapacity(Int(count))
        for offset in 0..<count {
            var reader = LuaValueReader(stack: stack, what: what, position: offset + 1)
            values.append(try reader.value(at: lua_absindex(stack.state, index + offset)))
        }
        return values
    }

    /// Where the value being read is: `payload value 1.user.tags[2]`.
    private var location: String {
        var text = position.map { "\(what) \($0)" } ?? what
        for step in steps {
            switch step {
            case .key(let key): text += "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    private mutating func value(at index: Int32) throws(ProcessError) -> Value {
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
            return try table(at: index)
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

    private mutating func table(at index: Int32) throws(ProcessError) -> Value {
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
                steps.append(.key(key))
                do {
                    map[key] = try value(at: lua_absindex(stack.state, -1))
                } catch {
                    stack.pop(2)
                    throw error
                }
                steps.removeLast()
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
            steps.append(.index(position))
            do {
                list.append(try value(at: lua_absindex(stack.state, -1)))
            } catch {
                stack.pop()
                throw error
            }
            steps.removeLast()
            stack.pop()
        }
        return .list(list)
    }
}
