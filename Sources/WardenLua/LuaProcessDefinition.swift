import WardenRuntime
import WardenValue

/// A process definition whose code is Lua: a chunk that returns a table, and the name of the
/// function in it that runs with the spawn arguments.
///
/// The source is erased of Wippy's type syntax and checked once, when the definition is made;
/// each spawn then runs it in a fresh Lua state of its own.
public struct LuaProcessDefinition: Sendable {
    /// The definition id (`app.workers:handler`).
    public let id: String
    /// The name errors and tracebacks use for the source (`relay.lua`).
    public let chunkName: String
    /// The function of the returned table to run; `nil` when the chunk itself returns the function.
    public let method: String?
    /// The source as the user wrote it.
    public let source: String
    /// The source with type syntax replaced by spaces (same lines and columns).
    public let erasedSource: String
    /// The erased source compiled once (with its line information); each process loads this.
    let bytecode: [UInt8]
    /// The definition's `security:` block.
    public let security: DefinitionSecurity?
    /// Memory and preemption limits of each process.
    public let limits: LuaLimits
    /// The modules `require` may load (the entry's `modules` list); `os` names the global subset.
    public let modules: [String]
    /// The libraries `require` loads by import key (the entry's `imports` map).
    public let libraries: [String: LuaLibrary]
    /// The logger and terminal its processes' `logger` and `io` modules use.
    public let services: LuaHostServices

    /// Erases and compiles `source`; a type expression the eraser cannot read or a syntax error
    /// is a ``LuaLoadError`` with `file:line:col`.
    public init(
        id: String, source: String, chunkName: String, method: String?, modules: [String] = [],
        security: DefinitionSecurity? = nil, limits: LuaLimits = .standard, libraries: [String: LuaLibrary] = [:],
        services: LuaHostServices = LuaHostServices()
    ) throws(LuaLoadError) {
        self.services = services
        self.modules = modules
        self.libraries = libraries
        self.id = id
        self.chunkName = chunkName
        self.method = method
        self.source = source
        self.security = security
        self.limits = limits
        self.erasedSource = try TypeEraser.erase(source, chunkName: chunkName)
        self.bytecode = try LuaCompiler.compile(erasedSource, chunkName: chunkName)
    }

    /// The definition to register on a runtime.
    public var definition: ProcessDefinition {
        let program = LuaProgram(
            entry: id, chunkName: chunkName, method: method, bytecode: bytecode, modules: modules, libraries: libraries,
            services: services)
        let limits = limits
        return ProcessDefinition(id: id, security: security) { context in
            let process = try LuaProcess(context: context, limits: limits)
            defer { process.close() }
            return try await process.run(program)
        }
    }
}
