import WardenAuditRecord
import WardenValue

/// Audit entries shaped like the ones the gateway writes for a supervisor's spawns: 2 to 4
/// checks each (3 on average), every check with its request attributes and deciding policy,
/// the caller's actor and groups, the target's count-and-size summary and a real revision.
enum GatewayEntries {
    /// The revision of the benchmark policy set, as the gateway writes it.
    static let revision = BenchmarkPolicies.load().revision

    private static let callerPID = "{app:processes|0x00000001}"

    private static let caller = AuditCaller(
        pid: callerPID, frame: callerPID,
        actor: Actor(id: "app:supervisor", meta: ["role": "supervisor"]),
        groups: ["app.security:supervisors"], context: .complete)

    private static func check(_ action: String, _ resource: String, op: String, policy: String) -> AuditCheck {
        AuditCheck(
            action: action, resource: resource, decision: .allow, policies: [policy],
            meta: ["pid": .string(callerPID), "op": .string(op), "host": "app:workers"])
    }

    private static func spawn(_ op: String, actions: [String]) -> AuditEntry {
        var checks = actions.map {
            check($0, "app.workers:handler", op: op, policy: "app.security:supervisor_spawn_workers")
        }
        checks.append(check("process.host", "app:workers", op: op, policy: "app.security:supervisor_hosts"))
        return AuditEntry(
            op: op, caller: caller,
            target: ["id": "app.workers:handler", "host": "app:workers", "args_count": 2, "args_bytes": 27],
            checks: checks, decision: .allow, policyRevision: revision, durationNanoseconds: 3_100)
    }

    /// `exec` (2 checks), `spawn_linked` (3) and `spawn_linked_monitored` (4).
    static let templates: [AuditEntry] = [
        spawn("process.exec", actions: ["process.exec"]),
        spawn("process.spawn_linked", actions: ["process.spawn", "process.spawn.linked"]),
        spawn(
            "process.spawn_linked_monitored",
            actions: ["process.spawn", "process.spawn.monitored", "process.spawn.linked"]),
    ]

    /// The `n`th entry of a run: the templates in turn, stamped with the current time as the
    /// gateway stamps each call.
    static func entry(_ n: Int) -> AuditEntry {
        var entry = templates[n % templates.count]
        entry.time = .now()
        entry.durationNanoseconds = 2_500 + n % 1_000
        return entry
    }
}
