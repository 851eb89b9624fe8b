import CLua
import CLuaShim

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
        default:
            return .raise("not a prelude function")
        }
        return .results(1)
    }
}
