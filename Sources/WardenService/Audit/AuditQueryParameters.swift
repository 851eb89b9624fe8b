import WardenAuditRecord
import WardenAuditReview

/// The query parameters of the audit endpoints: the filters of `warden audit query` under the
/// same names (`since`, `until`, `actor`, `action`, `resource`, `policy`, `decision`, `op`, `pid`),
/// plus the few each endpoint adds. An unknown parameter is refused, so a misspelt filter never
/// silently widens what an auditor sees.
struct AuditQueryParameters {
    /// The filter names, shared with the command line.
    static let filterNames: Set<String> = [
        "since", "until", "actor", "action", "resource", "policy", "decision", "op", "pid", "node",
    ]

    private let values: [String: String]

    /// Reads `pairs` (in request order; a repeated name keeps its last value), allowing the
    /// filters and `extra` names.
    /// - Throws: ``ServiceError`` `unknown-parameter` naming the first parameter not allowed.
    init(_ pairs: [(String, String)], allowing extra: Set<String>) throws(ServiceError) {
        var values: [String: String] = [:]
        for (name, value) in pairs {
            guard Self.filterNames.contains(name) || extra.contains(name) else {
                let allowed = (Self.filterNames.union(extra)).sorted().joined(separator: ", ")
                throw ServiceError(
                    code: "unknown-parameter",
                    message: "unknown query parameter `\(name)`; use one of \(allowed)")
            }
            values[name] = value
        }
        self.values = values
    }

    /// The value of `name`, when given.
    subscript(name: String) -> String? { values[name] }

    /// The record filter the filter parameters describe, ages counted back from `now`.
    /// - Throws: ``ServiceError`` `invalid-filter` naming the parameter that does not parse.
    func filter(now: AuditTime = .now()) throws(ServiceError) -> AuditFilter {
        let text = AuditFilterText(
            since: values["since"], until: values["until"], actor: values["actor"], action: values["action"],
            resource: values["resource"], policy: values["policy"], decision: values["decision"], op: values["op"],
            pid: values["pid"], node: values["node"])
        do {
            return try text.filter(now: now)
        } catch {
            throw ServiceError(
                code: "invalid-filter",
                message: "invalid query parameter `\(error.field)=\(error.value)`: expected \(error.expected)")
        }
    }

    /// Whether the log is verified as it is read: `verify=false` turns it off (as `--no-verify`).
    /// - Throws: ``ServiceError`` `invalid-value` for anything but `true` or `false`.
    func verifies() throws(ServiceError) -> Bool {
        guard let text = values["verify"] else { return true }
        switch text {
        case "true": return true
        case "false": return false
        default:
            throw ServiceError(
                code: "invalid-value", message: "invalid query parameter `verify=\(text)`: expected `true` or `false`")
        }
    }

    /// The whole number `name` holds, `fallback` when absent.
    /// - Throws: ``ServiceError`` `invalid-value` when it is not a number in `range`.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(ServiceError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw ServiceError(
                code: "invalid-value",
                message:
                    "invalid query parameter `\(name)=\(text)`: expected a whole number from \(range.lowerBound) to \(range.upperBound)"
            )
        }
        return number
    }
}
