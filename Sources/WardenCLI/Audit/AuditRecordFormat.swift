import ArgumentParser
import WardenAudit

/// How `query` and `tail` print records.
enum AuditRecordFormat: String, CaseIterable, ExpressibleByArgument {
    /// Aligned columns, one row per check (the default on a terminal for `query`).
    case table
    /// The stored canonical JSON lines, one per record (the default when not on a terminal).
    case jsonl
    /// RFC 4180 CSV with a header, one row per check.
    case csv
    /// One line per record, for following (the default on a terminal for `tail`).
    case text
}

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
                record.caller.actor?.id ?? "", check?.action ?? "", check?.resource ?? "", check?.decision.rawValue ?? "",
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
        return "\(record.time.rfc3339) seq \(record.seq) \(record.op) \(record.caller.actor?.id ?? "-") \(record.decision.rawValue)"
            + (checks.isEmpty ? "" : "  " + checks.joined(separator: "; "))
    }

    private static func checks(_ record: AuditRecord) -> [AuditCheck?] {
        record.checks.isEmpty ? [nil] : record.checks.map { $0 }
    }
}

/// Aligned text columns: each column as wide as its widest cell, two spaces apart.
enum AuditTable {
    /// The table as lines (header first), without trailing spaces.
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in [header] + rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            out += line + "\n"
        }
        return out
    }
}

/// RFC 4180 CSV fields.
enum AuditCSV {
    /// A row: fields joined by commas, quoted when they hold a comma, a quote, CR or LF (quotes doubled).
    static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted when needed.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
