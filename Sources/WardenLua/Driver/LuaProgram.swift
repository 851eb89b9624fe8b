/// What every process of one Lua definition runs: the entry's bytecode and what its `require`
/// may load. Made once per definition and shared (read-only) by its processes.
final class LuaProgram: Sendable {
    /// The definition id, named in `require` errors.
    let entry: String
    /// The name errors and tracebacks use for the source.
    let chunkName: String
    /// The function of the chunk's table to run; `nil` when the chunk returns the function.
    let method: String?
    /// The entry's chunk, compiled once.
    let bytecode: [UInt8]
    /// The modules `require` may load (the entry's `modules` list).
    let modules: Set<String>
    /// The libraries `require` loads by import key.
    let libraries: [String: LuaLibrary]
    /// Where the `logger` and `io` modules write.
    let services: LuaHostServices

    init(
        entry: String, chunkName: String, method: String?, bytecode: [UInt8], modules: [String],
        libraries: [String: LuaLibrary], services: LuaHostServices
    ) {
        self.services = services
        self.entry = entry
        self.chunkName = chunkName
        self.method = method
        self.bytecode = bytecode
        self.modules = Set(modules)
        self.libraries = libraries
    }
}
