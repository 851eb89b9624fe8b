import WardenAuditRecord

/// Turns records into table rows, CSV rows and text lines.
enum AuditRecordRows {
    /// Table columns.
    static let tableHeader = ["TIME", "SEQ", "OP", "ACTOR", "ACTION", "RESOURCE", "CHECK", "DECISION", "POLICIES"]

    /// CSV columns.
    static let csvHeader = [
        "time", "seq", "id", "node", "op", "pid", "actor", "action", "resource", "check", "decision", "policies",
        "error_kind", "error_message",
    ]

    /// One table row per check (one row with `-` when the record has none).
    static func tableRows(_ record: AuditRecord) -> [[String]] {
        checks(record).map { check in
            [
                record.time.rfc3339, String(record.seq), record.op, record.caller.actor?.id ?? "-",
                check?.action ?? "-", check?.resource ?? "-", check?.decision.rawValue ?? "-", record.decision.rawValue,
                check.map { $0.policies.isEmpty ? "-" : $0.policies.joined(separator: ",") } ?? "-",
            ]
        }
    }

    /// One CSV row per check (one row with empty check fields when the record has none).
    static func csvRows(_ record: AuditRecord) -> [[String]] {
        checks(record).map { check in
            [
                record.time.rfc3339, String(record.seq), record.id, record.node, record.op, record.caller.pid ?? "",
                record.caller.actor?.id ?? "", check?.action ?? "", check?.resource ?? "",
                check?.decision.rawValue ?? "",
                record.decision.rawValue, check?.policies.joined(separator: " ") ?? "", record.error?.kind ?? "",
                record.error?.message ?? "",
            ]
        }
    }

    /// One line: time, seq, op, actor, decision, then each check as `action resource decision [policies]`.
    static func textLine(_ record: AuditRecord) -> String {
        let checks = record.checks.map { check in
            "\(check.action) \(check.resource) \(check.decision.rawValue)"
                + (check.policies.isEmpty ? "" : " [\(check.policies.joined(separator: ","))]")
        }
        return
            "\(record.time.rfc3339) seq \(record.seq) \(record.op) \(record.caller.actor?.id ?? "-") \(record.decision.rawValue)"
            + (checks.isEmpty ? "" : "  " + checks.joined(separator: "; "))
    }

    private static func checks(_ record: AuditRecord) -> [AuditCheck?] {
        record.checks.isEmpty ? [nil] : record.checks.map { $0 }
    }
}
