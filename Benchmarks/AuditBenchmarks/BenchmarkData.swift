import Foundation
import Logging
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenValue

/// Entries and data sets shared by the audit benchmarks.
enum BenchmarkData {
    static let quiet = Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() })
    /// Where the large data sets are kept between runs.
    static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("warden-audit-bench").path
    /// 2025-01-01T00:00:00Z in microseconds.
    static let start: Int64 = 1_735_689_600_000_000
    /// Records in the large data set.
    static let largeCount = 1_000_000
    /// The large data set spans 30 days.
    static let span: Int64 = 30 * 86_400 * 1_000_000

    /// A realistic gateway entry: `n` picks the actor (1000 of them), the call and the outcome.
    static func entry(_ n: Int) -> AuditEntry {
        let actor = "user:\(n % 1000)"
        let pid = "{app:processes|0x\(String(n % 5000, radix: 16))}"
        let target = "{app:processes|0x\(String((n * 7) % 5000, radix: 16))}"
        let allowed = n % 10 != 0
        let time = AuditTime(microseconds: start + Int64(n) * (span / Int64(largeCount)))
        func check(_ action: String, _ resource: String, _ meta: [String: Value]) -> AuditCheck {
            AuditCheck(
                action: action, resource: resource, decision: allowed ? .allow : (n % 20 == 0 ? .undefined : .deny),
                policies: allowed
                    ? ["app.security:\(action.split(separator: ".").last ?? "x")_allowed"]
                    : (n % 20 == 0 ? [] : ["app.security:deny_untrusted"]),
                meta: meta.merging(["pid": .string(pid)]) { a, _ in a })
        }
        let op: String
        let checks: [AuditCheck]
        let targetValue: [String: Value]
        switch n % 10 {
        case 0...4:
            op = "process.send"
            targetValue = [
                "dest": .string(target), "pid": .string(target), "topic": "job", "payload_count": 1,
                "payload_bytes": 120,
            ]
            checks = [check("process.send", target, ["op": "send", "topic": "job"])]
        case 5, 6:
            op = "process.spawn_linked"
            targetValue = [
                "id": "app.workers:handler", "host": "app:processes", "payload_count": 2, "payload_bytes": 64,
            ]
            let meta: [String: Value] = ["op": "spawn_linked", "host": "app:processes"]
            checks = [
                check("process.spawn", "app.workers:handler", meta),
                check("process.spawn.linked", "app.workers:handler", meta),
                check("process.host", "app:processes", meta),
            ]
        case 7:
            op = "process.terminate"
            targetValue = ["dest": .string(target), "pid": .string(target)]
            checks = [check("process.terminate", target, ["op": "terminate"])]
        case 8:
            op = "process.registry.register"
            targetValue = ["name": .string("svc.\(n % 97)")]
            checks = [
                check(
                    "process.registry.register", "svc.\(n % 97)",
                    ["op": "registry.register", "name": .string("svc.\(n % 97)")])
            ]
        default:
            op = "authorize"
            targetValue = [:]
            checks = [check("document.read", "doc:\(n % 311)", [:])]
        }
        return AuditEntry(
            time: time, op: op,
            caller: AuditCaller(
                pid: pid, frame: "frame-\(n % 64)",
                actor: Actor(id: actor, meta: ["role": n % 3 == 0 ? "admin" : "dev", "tenant": "acme"]),
                scope: ["app.security:base"], groups: ["app.security:default"], context: .complete),
            target: targetValue, checks: checks, decision: allowed ? .allow : .deny,
            error: allowed ? nil : AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed: \(op)"),
            policyRevision: "sha256:3f1c9a", durationNanoseconds: 1500 + n % 700)
    }

    /// The large JSON Lines log (made once, then reused).
    static func largeLog() async throws -> String {
        let path = "\(directory)/large.jsonl"
        let marker = "\(directory)/large.ready"
        if FileManager.default.fileExists(atPath: marker) { return path }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: path)
        let log = AuditLog(
            node: "bench", sink: try JSONLFileSink(path: path, logger: quiet), mode: .async, failurePolicy: .failClosed,
            logger: quiet)
        for n in 0..<largeCount { try await log.record(entry(n)) }
        await log.shutdown()
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return path
    }

    /// The large data set imported into a database (made once, then reused).
    static func largeDatabase() async throws -> String {
        let path = "\(directory)/large.db"
        let marker = "\(directory)/large-db.ready"
        if FileManager.default.fileExists(atPath: marker) { return path }
        let log = try await largeLog()
        removeDatabase(path)
        _ = try AuditImporter.importFiles([log], into: path)
        _ = FileManager.default.createFile(atPath: marker, contents: Data())
        return path
    }

    /// Deletes a database and its WAL files.
    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A fresh directory for one benchmark's files.
    static func scratch(_ name: String) throws -> String {
        let path = "\(directory)/\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
