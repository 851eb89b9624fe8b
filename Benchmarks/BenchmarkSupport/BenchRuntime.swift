import Foundation
import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// The host every benchmark spawns on; bounded far above what any benchmark keeps alive.
public let benchHost = "bench:processes"

/// A fresh runtime with `definitions` and one big host.
public func makeRuntime(_ definitions: [ProcessDefinition]) -> LocalRuntime {
    LocalRuntime(hosts: [HostConfiguration(id: benchHost, maxProcesses: 2_000_000)], definitions: definitions)
}

/// Runs `definition` as a root process and returns its value (`.null` after a failure, which
/// the benchmarks then report through the missing result).
public func run(_ runtime: LocalRuntime, _ definition: String, args: [Value] = []) async -> Value {
    guard let handle = try? await runtime.start(StartRequest(definition: definition, host: benchHost, args: args)),
        case .value(let value)? = try? await handle.result()
    else { return .null }
    return value
}

/// The resident set size of this process in bytes, from `/proc/self/statm` (0 elsewhere).
public func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// A duration in whole nanoseconds.
public func nanoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
}
