import CLua
import CLuaShim
import WardenRuntime

extension LuaProcess {
    /// The Swift side of the prelude's own primitives: making primitives, loading pieces,
    /// standard libraries and imported libraries on first use, and the entry's `require` rules.
    func preludeCall(_ function: LuaFunctionID, on stack: LuaStack) -> LuaReturn {
        switch function {
        case .makePrimitive:
            guard let name = stack.string(at: 1), let primitive = LuaFunctionID.byName[name] else {
                stack.pushNil()
                return .results(1)
            }
            stack.push(function: primitive)
        case .piece:
            guard let name = stack.string(at: 1), let bytecode = LuaPrelude.bytecode[name] else {
                stack.pushNil()
                return .results(1)
            }
            do {
                try loadBinary(bytecode, chunkName: LuaPrelude.chunkName, onto: stack.state)
            } catch {
                return .raise(error.message)
            }
        case .openLibrary:
            let status = (stack.string(at: 1) ?? "").withCString { warden_lua_open_library(stack.state, $0) }
            guard status == LUA_OK else { return .raise("cannot open the library: out of memory") }
        case .library:
            guard let name = stack.string(at: 1), let library = program?.libraries[name] else {
                stack.pushNil()
                return .results(1)
            }
            do {
                try loadBinary(library.bytecode, chunkName: "@" + library.chunkName, onto: stack.state)
            } catch {
                return .raise(error.message)
            }
        case .moduleAllowed:
            stack.push(stack.string(at: 1).map { program?.modules.contains($0) ?? false } ?? false)
        case .entry:
            stack.push(program?.entry ?? "")
        case .processField:
            pushProcessField(stack.string(at: 1) ?? "", onto: stack)
        case .processNames:
            let names = LuaFunctionID.processFields.keys.sorted() + LuaPrelude.processTableNames
            stack.newTable(arrayCount: names.count)
            for (index, name) in names.enumerated() {
                stack.push(name)
                stack.rawSet(table: -2, index: index + 1)
            }
        case .errorNew:
            stack.push(errorKind: stack.string(at: 1) ?? "INTERNAL", message: stack.string(at: 2) ?? "error")
        case .channelMetatable:
            stack.pushChannelMetatable()
        default:
            return .raise("not a prelude function")
        }
        return .results(1)
    }

    /// Pushes the value of `process[name]` that the host makes (a function, `process.registry`
    /// or `process.event`), `false` for a spawner function (the prelude makes those), or `nil`
    /// for a name that does not exist.
    private func pushProcessField(_ name: String, onto stack: LuaStack) {
        if let function = LuaFunctionID.processFields[name] {
            stack.push(function: function)
            return
        }
        if LuaPrelude.spawnerFunctions.contains(name) {
            stack.push(false)
            return
        }
        switch name {
        case "registry":
            stack.newTable(recordCount: LuaFunctionID.registryFields.count)
            for (key, function) in LuaFunctionID.registryFields {
                stack.push(function: function)
                stack.rawSet(table: -2, key: key)
            }
        case "event":
            stack.newTable(recordCount: ProcessEvent.Kind.allCases.count)
            for kind in ProcessEvent.Kind.allCases {
                stack.push(kind.rawValue)
                stack.rawSet(table: -2, key: kind.rawValue)
            }
        default:
            stack.pushNil()
        }
    }
}
