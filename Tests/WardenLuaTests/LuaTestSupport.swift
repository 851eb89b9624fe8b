import WardenLocalRuntime
import WardenLua
import WardenRuntime
import WardenValue

let luaHost = "app:processes"

/// A local runtime with one host and the given Lua definitions (id -> source, method `main`).
func luaRuntime(_ sources: [String: String], limits: LuaLimits = .standard, modules: [String] = []) throws
    -> LocalRuntime
{
    let runtime = LocalRuntime()
    runtime.addHost(luaHost, maxProcesses: 100_000)
    for (id, source) in sources {
        let file = id.replacingOccurrences(of: ":", with: "_") + ".lua"
        let definition = try LuaProcessDefinition(
            id: id, source: source, chunkName: file, method: "main", modules: modules, limits: limits)
        runtime.register(definition.definition)
    }
    return runtime
}

/// Runs `root` (id `test:root`) with `args` next to the other `sources`, and returns its exit.
func runLua(
    _ root: String, args: [Value] = [], with sources: [String: String] = [:], limits: LuaLimits = .standard,
    modules: [String] = []
) async throws -> ExitResult {
    var all = sources
    all["test:root"] = root
    let runtime = try luaRuntime(all, limits: limits, modules: modules)
    let handle = try await runtime.start(StartRequest(definition: "test:root", host: luaHost, args: args))
    let result = try await handle.result()
    await runtime.shutdown()
    return result
}

/// The value of a normal exit, or `nil`.
func exitValue(_ result: ExitResult) -> Value? {
    if case .value(let value) = result { return value }
    return nil
}

/// The error of an abnormal exit, or `nil`.
func exitError(_ result: ExitResult) -> ProcessError? {
    if case .error(let error) = result { return error }
    return nil
}
