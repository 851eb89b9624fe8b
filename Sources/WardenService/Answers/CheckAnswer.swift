import WardenGateway
import WardenPolicy
import WardenValue

/// The JSON answer to a permission dry-run, the one shape `warden check --format json` and
/// `POST /v1/check` share.
public enum CheckAnswer {
    /// `{"verdict": "allow|deny", "checks": [{"action", "resource", "decision", "policies", "errors"}],
    /// "message"?, "revision", "context": "complete|incomplete"}` on one line, keys in this order
    /// (`message`, the first denied check's, only when the call is denied).
    public static func json(_ verdict: CallVerdict) -> String {
        var object = JSONObject()
        object.add("verdict", .string(verdict.isAllowed ? "allow" : "deny"))
        object.add(
            "checks",
            verdict.outcomes.map { outcome in
                var check = JSONObject()
                check.add("action", .string(outcome.check.permission.action))
                check.add("resource", .string(outcome.check.resource))
                check.add("decision", .string(outcome.decision.outcome.rawValue))
                check.add("policies", strings: outcome.decision.policies)
                check.add("errors", strings: outcome.decision.errors.map(\.description))
                return check
            })
        if let denied = verdict.firstDenied { object.add("message", .string(denied.check.denialMessage)) }
        object.add("revision", .string(verdict.revision))
        object.add("context", .string(verdict.contextComplete ? "complete" : "incomplete"))
        return object.text
    }
}
