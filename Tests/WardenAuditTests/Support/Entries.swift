import WardenAuditRecord
import WardenValue

/// Sample entries for tests.
enum Entries {
    /// A spawn that was allowed, with fixed fields and a chosen actor and time.
    static func spawn(
        actor: String? = "user:alice", seconds: Int64 = 1_700_000_000, decision: AuditDecision = .allow,
        action: String = "process.spawn", resource: String = "app.workers:handler",
        policies: [String] = ["app:allow_spawn"],
        op: String = "process.spawn", pid: String = "{app:processes|0x00000001}"
    ) -> AuditEntry {
        let checkDecision: AuditCheckDecision = decision == .allow ? .allow : .deny
        return AuditEntry(
            time: AuditTime(microseconds: seconds * 1_000_000),
            op: op,
            caller: AuditCaller(
                pid: pid, frame: "frame-1", actor: actor.map { Actor(id: $0, meta: ["role": "dev"]) },
                scope: ["app:allow_spawn"], groups: ["app:default"], context: actor == nil ? .incomplete : .complete),
            target: ["id": .string(resource), "host": "app:processes", "payload_count": 2, "payload_bytes": 40],
            checks: [
                AuditCheck(
                    action: action, resource: resource, decision: checkDecision, policies: policies,
                    meta: ["pid": .string(pid), "op": "spawn", "host": "app:processes"]),
                AuditCheck(
                    action: "process.host", resource: "app:processes", decision: .allow, policies: ["app:hosts"],
                    meta: ["pid": .string(pid), "op": "spawn", "host": "app:processes"]),
            ],
            decision: decision,
            error: decision == .deny
                ? AuditCallError(kind: "PERMISSION_DENIED", message: "not allowed to spawn: \(resource)") : nil,
            policyRevision: "rev-1",
            durationNanoseconds: 1234)
    }

    /// A varied entry derived from `n`, covering optional fields, odd strings and numbers.
    static func varied(_ n: Int) -> AuditEntry {
        let strings = [
            "plain", "quote \" and \\ backslash", "line\nbreak\ttab", "ünïcödé ✓ 𝄞", "\u{01}\u{1F}", "", "/slash/",
        ]
        let s = strings[n % strings.count]
        let numbers: [Value] = [
            .int(0), .int(-7), .int(Int.max), .int(Int.min), .double(0.5), .double(-1.25e-7), .double(3.0e20),
            .bool(true), .null,
        ]
        return AuditEntry(
            time: AuditTime(microseconds: 1_700_000_000_000_000 + Int64(n) * 1_234_567),
            op: ["process.send", "process.spawn_linked", "authorize", "process.registry.register"][n % 4],
            caller: AuditCaller(
                pid: n % 5 == 0 ? nil : "{app:processes|0x\(n)}", frame: n % 3 == 0 ? nil : "f\(n)",
                actor: n % 4 == 0
                    ? nil
                    : Actor(id: "actor-\(s)", meta: ["k": numbers[n % numbers.count], "nested": ["a": [1, "x"]]]),
                scope: n % 2 == 0 ? [] : ["ns:p\(n)", s], groups: n % 3 == 0 ? ["g"] : [],
                context: n % 4 == 0 ? .incomplete : .complete, site: n % 3 == 2 ? "\(s).lua:\(n)" : nil),
            target: ["dest": .string(s), "n": numbers[(n + 3) % numbers.count], "topic": "t"],
            checks: (0..<(n % 3)).map { i in
                AuditCheck(
                    action: "process.a\(i)", resource: s, decision: AuditCheckDecision.allCases[(n + i) % 3],
                    policies: i == 0 ? [] : ["p:\(i)"], errors: n % 2 == 0 ? [] : ["error \(s)"],
                    meta: ["pid": .string("p\(n)"), "x": numbers[(n + i) % numbers.count]])
            },
            decision: n % 2 == 0 ? .allow : .deny,
            error: n % 3 == 1 ? AuditCallError(kind: "INVALID", message: s) : nil,
            policyRevision: "sha256:\(n)",
            durationNanoseconds: n * 17)
    }
}
