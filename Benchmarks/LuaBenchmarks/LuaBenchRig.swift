import Foundation
import WardenLocalRuntime
import WardenLua
import WardenRuntime
import WardenValue

/// The host every benchmark spawns on; bounded far above what any benchmark keeps alive.
let benchHost = "bench:processes"

/// A Lua definition from inline source (the chunk returns a table with `main`).
func lua(_ id: String, _ source: String) -> ProcessDefinition {
    do {
        return try LuaProcessDefinition(id: id, source: source, chunkName: "\(id).lua", method: "main").definition
    } catch {
        preconditionFailure("benchmark source of `\(id)` does not load: \(error)")
    }
}

/// A fresh runtime with `definitions` and one big host.
func makeRuntime(_ definitions: [ProcessDefinition]) -> LocalRuntime {
    LocalRuntime(hosts: [HostConfiguration(id: benchHost, maxProcesses: 2_000_000)], definitions: definitions)
}

/// Runs `definition` as a root process and returns its value (`.null` after a failure, which
/// the benchmarks then report through the missing result).
func run(_ runtime: LocalRuntime, _ definition: String, args: [Value] = []) async -> Value {
    guard let handle = try? await runtime.start(StartRequest(definition: definition, host: benchHost, args: args)),
        case .value(let value)? = try? await handle.result()
    else { return .null }
    return value
}

/// The resident set size of this process in bytes, from `/proc/self/statm` (0 elsewhere).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// A duration in whole nanoseconds.
func nanoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
}
