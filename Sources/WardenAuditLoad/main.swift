// warden-audit-load: writes synthetic audit records into a store from concurrent callers, for the
// PostgreSQL fault tests and benchmarks (not installed with warden).
//
//   warden-audit-load URL NODE RECORDS CALLERS MODE
//
// Prints `ack N SEQ` for every record acknowledged in `sync` and `durable` mode (N: the record's
// number, also its caller pid `{load|N}`; SEQ: its seq in the node's chain), `fail N` for every
// refused one, and `done ACKED FAILED SECONDS` at the end; exit 0. Acknowledgements are printed
// in bursts, so a killed writer has printed only acknowledged records (not necessarily all).
// The URL's `connect_timeout` and `statement_timeout` apply (2 s and 5 s when it gives none).
import Foundation
import Logging
import Synchronization
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditRecord
import WardenValue

let arguments = CommandLine.arguments
guard arguments.count == 6, let total = Int(arguments[3]), let callers = Int(arguments[4]), callers > 0,
    let mode = DeliveryMode(rawValue: arguments[5])
else {
    FileHandle.standardError.write(Data("usage: warden-audit-load URL NODE RECORDS CALLERS async|sync|durable\n".utf8))
    exit(3)
}
let node = arguments[2]
let logger = Logger(label: "warden.audit.load", factory: { _ in SwiftLogNoOpLogHandler() })
let sink: PostgresAuditSink
do {
    let url = try PostgresAuditURL(arguments[1])
    sink = try PostgresAuditSink(
        url: url, node: node, connectTimeout: url.connectTimeout ?? .seconds(2),
        statementTimeout: url.statementTimeout ?? .seconds(5),
        logger: logger)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
let log = AuditLog(node: node, sink: sink, mode: mode, failurePolicy: .failClosed, logger: logger)
let output = Mutex<[UInt8]>([])
let next = Atomic<Int>(0)
let acked = Atomic<Int>(0)
let failed = Atomic<Int>(0)

/// Writes buffered lines to standard output.
func flushOutput() {
    let bytes = output.withLock { buffer -> [UInt8] in
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }
    if !bytes.isEmpty { FileHandle.standardOutput.write(Data(bytes)) }
}

func entry(_ n: Int) -> AuditEntry {
    AuditEntry(
        time: AuditTime.now(), op: "process.send",
        caller: AuditCaller(
            pid: "{load|\(n)}", frame: nil, actor: Actor(id: "load:\(node)"), scope: ["load:all"], context: .complete),
        target: ["dest": .string("{app:processes|0x\(n % 97)}"), "payload_count": 1, "payload_bytes": 64],
        checks: [
            AuditCheck(
                action: "process.send", resource: "{app:processes|0x\(n % 97)}", decision: .allow,
                policies: ["load:allow"])
        ],
        decision: .allow, policyRevision: "sha256:load", durationNanoseconds: 1000)
}

let start = ContinuousClock.now
await withTaskGroup(of: Void.self) { group in
    for _ in 0..<callers {
        group.addTask {
            while true {
                let n = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard n < total else { return }
                do {
                    let position = try await log.record(entry(n))
                    acked.add(1, ordering: .relaxed)
                    if let position { output.withLock { $0.append(contentsOf: "ack \(n) \(position.seq)\n".utf8) } }
                } catch {
                    failed.add(1, ordering: .relaxed)
                    output.withLock { $0.append(contentsOf: "fail \(n)\n".utf8) }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                if n % 64 == 0 { flushOutput() }
            }
        }
    }
}
await log.shutdown()
let seconds = start.duration(to: .now)
flushOutput()
let elapsed = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
print("done \(acked.load(ordering: .relaxed)) \(failed.load(ordering: .relaxed)) \(elapsed)")
