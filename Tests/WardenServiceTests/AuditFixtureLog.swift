import Foundation
import Logging
import WardenAuditLog
import WardenAuditRecord
import WardenValue

/// Audit logs for the audit endpoint tests, written by the real ``AuditLog`` writer.
enum AuditFixtureLog {
    /// 2025-01-01T00:00:00Z.
    static let t0: Int64 = 1_735_689_600

    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    /// The `index`-th varied entry: actors `user:a` ... `user:e` (and every seventh without one),
    /// ops `process.send` / `process.spawn` / `process.terminate`, every third denied, one
    /// minute apart from `t0`.
    static func entry(_ index: Int, at seconds: Int64? = nil) -> AuditEntry {
        let actors = ["user:a", "user:b", "user:c", "user:d", "user:e"]
        let ops = ["process.send", "process.spawn", "process.terminate"]
        let op = ops[index % ops.count]
        let denied = index % 3 == 0
        let actor: Actor? = index % 7 == 0 ? nil : Actor(id: actors[index % actors.count])
        let resource = "{app:processes|0x\(index % 4)}"
        return AuditEntry(
            time: AuditTime(microseconds: (seconds ?? (t0 + Int64(index) * 60)) * 1_000_000), op: op,
            caller: AuditCaller(pid: "{app:processes|0x9}", actor: actor, scope: ["app:all"], context: .complete),
            target: ["id": .string(resource)],
            checks: [
                AuditCheck(
                    action: op, resource: resource, decision: denied ? .deny : .allow,
                    policies: [denied ? "app:no_\(op.dropFirst(8))" : "app:\(op.dropFirst(8))"])
            ],
            decision: denied ? .deny : .allow,
            error: denied ? AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed") : nil,
            policyRevision: "rev", durationNanoseconds: 10)
    }

    /// Appends `entries` to the JSON Lines log at `path` (continuing its chain if it exists).
    static func append(_ entries: [AuditEntry], to path: String) async throws {
        let log = AuditLog(
            node: "gw", sink: try JSONLFileSink(path: path, logger: quiet), mode: .sync, failurePolicy: .failClosed,
            logger: quiet)
        for entry in entries { try await log.record(entry) }
        await log.shutdown()
    }

    /// Writes `count` varied entries to a new log at `path`.
    static func write(_ count: Int, to path: String) async throws {
        try await append((0..<count).map { entry($0) }, to: path)
    }
}
