import CLua
import WardenValue

extension LuaStack {
    /// Pushes a copy of `value`: lists become sequences `1..n`, maps tables with string keys,
    /// integers stay integers and floats stay floats.
    func push(value: Value) {
        _ = lua_checkstack(state, 3)
        switch value {
        case .null: pushNil()
        case .bool(let b): push(b)
        case .int(let i): push(i)
        case .double(let d): push(d)
        case .string(let s): push(s)
        case .list(let items):
            newTable(arrayCount: items.count)
            for (offset, item) in items.enumerated() {
                push(value: item)
                rawSet(table: -2, index: offset + 1)
            }
        case .map(let members):
            newTable(recordCount: members.count)
            for (key, member) in members {
                push(value: member)
                rawSet(table: -2, key: key)
            }
        }
    }
}
