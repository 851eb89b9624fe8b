import Foundation
import Synchronization
import WardenLocalRuntime
import WardenRuntime
import WardenValue

/// The host every benchmark spawns on; bounded far above what any benchmark keeps alive.
let benchHost = "bench:processes"

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

/// How many idle processes have reached their first wait.
let idleWaiting = Atomic<Int>(0)

/// A body that counts itself in ``idleWaiting`` and waits until its inbox ends.
let idleBody: ProcessBody = { ctx in
    let inbox = ctx.inbox()
    idleWaiting.add(1, ordering: .relaxed)
    _ = await inbox.receive()
    return .null
}

/// A duration in whole nanoseconds.
func nanoseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
}
