import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenValue

/// Eight records whose statistics and filter results are worked out by hand in the tests.
///
/// | seq | time | actor | op | checks (action resource decision policies) | decision | pid |
/// |---|---|---|---|---|---|---|
/// | 1 | T0 | alice | process.spawn | spawn app.workers:handler allow [app:spawn]; host app:processes allow [app:hosts] | allow | P1 |
/// | 2 | T0+60s | bob | process.send | send {app:processes&#124;0x2} deny [app:no_send] | deny | P2 |
/// | 3 | T0+120s | alice | process.send | send {app:processes&#124;0x2} allow [app:send] | allow | P1 |
/// | 4 | T0+1h | none | process.spawn_linked | spawn app.workers:x undefined; spawn.linked app.workers:x undefined; host app:processes allow [app:hosts] | deny | P3 |
/// | 5 | T0+1h1m | bob | process.terminate | terminate {app:processes&#124;0x1} deny [app:no_kill, app:admin_only] | deny | P2 |
/// | 6 | T0+2h | carol | process.registry.register | registry.register svc allow [app:names] | allow | P4 |
/// | 7 | T0+2h1m40s | alice | process.spawn | as seq 1 | allow | P1 |
/// | 8 | T0+1d | bob | process.send | send {app:processes&#124;0x3} allow [app:send] | allow | P2 |
enum ReviewFixture {
    /// 2025-01-01T00:00:00Z in seconds.
    static let t0: Int64 = 1_735_689_600
    static let p1 = "{app:processes|0x1}"
    static let p2 = "{app:processes|0x2}"
    static let p3 = "{app:processes|0x3}"
    static let p4 = "{app:processes|0x4}"

    static func time(_ seconds: Int64) -> AuditTime { AuditTime(microseconds: (t0 + seconds) * 1_000_000) }

    private static func check(
        _ action: String, _ resource: String, _ decision: AuditCheckDecision, _ policies: [String] = []
    ) -> AuditCheck {
        AuditCheck(
            action: action, resource: resource, decision: decision, policies: policies, meta: ["op": .string(action)])
    }

    private static func entry(
        _ seconds: Int64, _ actor: String?, _ op: String, _ checks: [AuditCheck], _ decision: AuditDecision,
        _ pid: String
    ) -> AuditEntry {
        AuditEntry(
            time: time(seconds), op: op,
            caller: AuditCaller(
                pid: pid, actor: actor.map { Actor(id: "user:\($0)") }, scope: ["app:all"],
                context: actor == nil ? .incomplete : .complete),
            target: ["id": "x"], checks: checks, decision: decision,
            error: decision == .deny ? AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed") : nil,
            policyRevision: "rev", durationNanoseconds: 100)
    }

    static let entries: [AuditEntry] = [
        entry(
            0, "alice", "process.spawn",
            [
                check("process.spawn", "app.workers:handler", .allow, ["app:spawn"]),
                check("process.host", "app:processes", .allow, ["app:hosts"]),
            ],
            .allow, p1),
        entry(60, "bob", "process.send", [check("process.send", p2, .deny, ["app:no_send"])], .deny, p2),
        entry(120, "alice", "process.send", [check("process.send", p2, .allow, ["app:send"])], .allow, p1),
        entry(
            3600, nil, "process.spawn_linked",
            [
                check("process.spawn", "app.workers:x", .undefined),
                check("process.spawn.linked", "app.workers:x", .undefined),
                check("process.host", "app:processes", .allow, ["app:hosts"]),
            ], .deny, p3),
        entry(
            3660, "bob", "process.terminate",
            [check("process.terminate", p1, .deny, ["app:no_kill", "app:admin_only"])], .deny, p2),
        entry(
            7200, "carol", "process.registry.register",
            [check("process.registry.register", "svc", .allow, ["app:names"])], .allow, p4),
        entry(
            7300, "alice", "process.spawn",
            [
                check("process.spawn", "app.workers:handler", .allow, ["app:spawn"]),
                check("process.host", "app:processes", .allow, ["app:hosts"]),
            ],
            .allow, p1),
        entry(86_400, "bob", "process.send", [check("process.send", p3, .allow, ["app:send"])], .allow, p2),
    ]

    /// Writes the fixture as a JSON Lines log at `path`.
    static func writeLog(_ path: String) async throws {
        try await WardenAuditTests.writeLog(path, count: entries.count) { entries[$0] }
    }

    /// Writes the fixture into an audit database at `path` through the SQLite sink.
    static func writeDatabase(_ path: String) async throws {
        let log = AuditLog(
            node: "test", sink: try SQLiteAuditSink(path: path), mode: .sync, failurePolicy: .failClosed,
            logger: quietLogger)
        for entry in entries { try await log.record(entry) }
        await log.shutdown()
    }
}
