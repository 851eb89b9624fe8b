import WardenLua
import WardenRuntime

/// A Lua definition from inline source (the chunk returns a table with `main`) that may
/// `require` the given host `modules`.
func lua(_ id: String, _ source: String, modules: [String] = []) -> ProcessDefinition {
    do {
        return try LuaProcessDefinition(
            id: id, source: source, chunkName: "\(id).lua", method: "main", modules: modules
        ).definition
    } catch {
        preconditionFailure("benchmark source of `\(id)` does not load: \(error)")
    }
}
