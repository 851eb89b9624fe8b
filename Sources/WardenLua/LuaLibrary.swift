/// Lua code other entries `require` by an import key (a `library.lua` entry): a chunk whose
/// return value is what `require` gives.
public struct LuaLibrary: Sendable, Hashable {
    /// The library's entry id (`app.lib:helpers`).
    public let id: String
    /// The name errors and tracebacks use for the source (`helpers.lua`).
    public let chunkName: String
    /// The source with type syntax replaced by spaces (same lines and columns).
    public let erasedSource: String
    /// The erased source compiled once (with its line information); each process loads this.
    let bytecode: [UInt8]

    /// Erases and checks `source`; a syntax error or an unreadable type is a ``LuaLoadError``.
    public init(id: String, source: String, chunkName: String) throws(LuaLoadError) {
        self.id = id
        self.chunkName = chunkName
        self.erasedSource = try TypeEraser.erase(source, chunkName: chunkName)
        self.bytecode = try LuaCompiler.compile(erasedSource, chunkName: chunkName)
    }
}
