import WardenGateway
import WardenPolicy
import WardenValue

/// The JSON answer to a permission dry-run, the one shape `warden check --format json` and
/// `POST /v1/check` share.
public enum CheckAnswer {
    /// `{"verdict": "allow|deny", "checks": [{"action", "resource", "decision", "policies", "errors"}],
    /// "message": ..., "revision": ..., "context": "complete|incomplete"}` as one line of canonical JSON.
    public static func json(_ verdict: CallVerdict) -> String {
        var object: [String: Value] = [
            "verdict": .string(verdict.isAllowed ? "allow" : "deny"),
            "checks": .list(
                verdict.outcomes.map { outcome in
                    .map([
                        "action": .string(outcome.check.permission.action),
                        "resource": .string(outcome.check.resource),
                        "decision": .string(outcome.decision.outcome.rawValue),
                        "policies": .list(outcome.decision.policies.map(Value.string)),
                        "errors": .list(outcome.decision.errors.map { .string($0.description) }),
                    ])
                }),
            "revision": .string(verdict.revision),
            "context": .string(verdict.contextComplete ? "complete" : "incomplete"),
        ]
        if let denied = verdict.firstDenied { object["message"] = .string(denied.check.denialMessage) }
        return Value.map(object).canonicalJSON
    }
}
