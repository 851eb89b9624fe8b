import WardenAuditLog
import WardenAuditRecord
import WardenRuntime
import WardenValue

/// What `warden demo` prints: one line per call with its decision and deciding policies, the
/// denials' messages, and where the audit log is.
struct DemoSummary {
    var policies: String
    var revision: String
    var auditPath: String
    var mode: DeliveryMode
    var records: [AuditRecord]
    var results: [(String, ExitResult)]
    /// Checkpoints written during the run (with a signing key).
    var checkpoints = 0
    /// The public key that checks them, when a signing key was given.
    var publicKeyPath: String?

    var text: String {
        var lines = [
            "Warden demo: policies `\(policies)` (revision \(revision.prefix(12))), audit `\(auditPath)` (\(mode.rawValue))",
            "",
        ]
        let rows = records.map(Self.row)
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let header = ["seq", "decision", "actor", "call", "target"]
        lines.append(
            "  " + zip(header, widths).map { $0.padding(max($1, $0.count)) }.joined(separator: "  ") + "  decided by")
        for (record, row) in zip(records, rows) {
            let cells = zip(row, zip(header, widths)).map { $0.padding(max($1.1, $1.0.count)) }
            lines.append("  " + cells.joined(separator: "  ") + "  " + Self.decidedBy(record))
            if let error = record.error { lines.append("        -> \(error.kind): \(error.message)") }
        }
        let allowed = records.filter { $0.decision == .allow }.count
        lines.append("")
        lines.append(
            "\(DiagnosticRendering.count(records.count, "call")): \(allowed) allowed, \(records.count - allowed) denied."
        )
        for (name, result) in results {
            switch result {
            case .value(let value): lines.append("  \(name) exited normally: \(value)")
            case .error(let error): lines.append("  \(name) failed: \(error)")
            }
        }
        if let first = records.first?.seq, let last = records.last?.seq {
            lines.append("")
            lines.append("The audit log `\(auditPath)` holds these calls as records \(first)-\(last). Check its chain:")
            if let publicKeyPath {
                lines.append(
                    "  warden audit verify --key \(publicKeyPath) \(AuditDestination.verifyArguments(for: auditPath))")
                lines.append("(\(checkpoints) signed checkpoint\(checkpoints == 1 ? "" : "s") written in this run)")
            } else {
                lines.append("  warden audit verify \(AuditDestination.verifyArguments(for: auditPath))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func row(_ record: AuditRecord) -> [String] {
        let call = record.op.hasPrefix("process.") ? String(record.op.dropFirst("process.".count)) : record.op
        return [
            String(record.seq), record.decision == .allow ? "allow" : "DENY", record.caller.actor?.id ?? "-", call,
            target(record.target),
        ]
    }

    static func target(_ target: [String: Value]) -> String {
        if case .string(let id)? = target["id"], case .string(let host)? = target["host"] {
            var text = "\(id) on \(host)"
            if case .string(let name)? = target["name"] { text += " as \(name)" }
            return text
        }
        var parts: [String] = []
        if case .string(let name)? = target["name"] { parts.append(name) }
        if case .string(let pid)? = target["pid"], !parts.contains(pid) { parts.append(pid) }
        if parts.isEmpty, case .string(let dest)? = target["dest"] { parts.append(dest) }
        if case .string(let topic)? = target["topic"] { parts.append("topic \(topic)") }
        return parts.joined(separator: " ")
    }

    /// The error when the supervisor stopped before it was ready: the first denied call and what
    /// decided it (usually that no policy allows it), or how the supervisor ended.
    static func earlyStop(_ result: ExitResult, records: [AuditRecord], policies: String) -> String {
        var message = "error: the demo supervisor stopped before it was ready"
        if let denied = records.first(where: { $0.decision == .deny }) {
            let call = row(denied)[3]
            message += ": its `\(call)` call was denied (\(decidedBy(denied)))"
        } else if case .error(let error) = result {
            message += ": \(error)"
        }
        return message
            + "\n  hint: the policy tree `\(policies)` does not allow what the demo does; "
            + "run it with the example tree (`warden demo --policies policies`)"
    }

    static func decidedBy(_ record: AuditRecord) -> String {
        if record.checks.isEmpty { return "(failed before authorization)" }
        if record.decision == .deny, let denied = record.checks.first(where: { $0.decision != .allow }) {
            let by = denied.policies.isEmpty ? "no policy allows it" : denied.policies.joined(separator: ", ")
            return "\(denied.action): \(by)"
        }
        return Array(Set(record.checks.flatMap(\.policies))).sorted().joined(separator: ", ")
    }
}
