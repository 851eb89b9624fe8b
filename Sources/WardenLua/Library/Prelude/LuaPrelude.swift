/// The Lua half of the host API, in pieces compiled once to bytecode and loaded into a process
/// only when its code first uses them (most processes touch few of them, and every loaded
/// function costs memory in every process that loads it).
///
/// The boot piece runs in every process: it makes the primitives table `P` (Swift functions,
/// created on first use), returns the function that runs the entry's method, and the fallback
/// of the global table's `__index`, which loads the piece defining `process`, `channel`,
/// `require` or `coroutine` the first time a global of that name is read. The primitives
/// table stays a local of the pieces (an upvalue), so user code cannot reach it. Primitives
/// report failures as `nil, err`, where `err` is an error value made by the host (`err:kind()`,
/// `err:message()`, `tostring` and `..`), so a piece can return a primitive's results as they
/// are.
enum LuaPrelude {
    /// The chunk name errors in the prelude carry.
    static let chunkName = "=[warden prelude]"

    /// The bytecode of each piece by name, compiled on first use without debug information.
    static let bytecode: [String: [UInt8]] = {
        var compiled: [String: [UInt8]] = [:]
        for (name, source) in sources {
            do {
                compiled[name] = try LuaCompiler.compile(source, chunkName: "[warden prelude: \(name)]", strip: true)
            } catch {
                preconditionFailure("the prelude piece `\(name)` does not compile: \(error)")
            }
        }
        return compiled
    }()

    /// The source of each piece by name.
    static let sources: [String: String] = [
        "boot": boot, "core": core, "process": process, "spawner": spawner, "channel": channel, "coroutine": coroutine,
        "require": require, "module.time": time, "module.json": json, "module.uuid": uuid, "module.ctx": ctx,
        "module.logger": logger, "module.security": security, "module.io": io,
    ]

    /// Run in every process with `P` and the primitive maker; returns the bootstrap (the entry's
    /// chunk, its method and the arguments) and the lazy-global fallback.
    static let boot = #"""
        local P, make = ...
        local rawget, rawset, setmetatable, type, tostring, error = rawget, rawset, setmetatable, type, tostring, error
        setmetatable(P, {__index = function(t, name)
            local f = make(name)
            if f == nil then error("no host primitive `" .. tostring(name) .. "`", 2) end
            rawset(t, name, f)
            return f
        end})

        local S = {}
        local function core()
            if S.mkerr == nil then P.piece("core")(P, S) end
            return S
        end

        local pieces = {process = true, channel = true, require = true, coroutine = true}
        local function lazy(G, name)
            if pieces[name] then
                P.piece(name)(P, core)
                return rawget(G, name)
            end
            return nil
        end

        local function bootstrap(chunk, method, ...)
            local module = chunk()
            local fn
            if method == nil or method == "" then
                fn = module
            elseif type(module) == "table" then
                fn = rawget(module, method)
            end
            if type(fn) ~= "function" then
                error("method `" .. tostring(method) .. "` not found: the chunk must return a table with that function", 0)
            end
            return fn(...)
        end
        return bootstrap, lazy
        """#
}
