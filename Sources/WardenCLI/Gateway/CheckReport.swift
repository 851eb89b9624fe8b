import WardenGateway
import WardenPolicy
import WardenService
import WardenValue

/// The result of a permission dry-run, rendered as text or JSON.
public struct CheckReport: Sendable {
    /// The call as given (`spawn_linked app.workers:handler app:processes`).
    public var call: String
    /// The decision of every check and the verdict.
    public var verdict: CallVerdict

    /// Creates a report.
    public init(call: String, verdict: CallVerdict) {
        self.call = call
        self.verdict = verdict
    }

    /// `{"verdict": "allow|deny", "checks": [{"action", "resource", "decision", "policies", "errors"}],
    /// "message": ..., "revision": ..., "context": "complete|incomplete"}` as one line of canonical JSON.
    public var json: String { CheckAnswer.json(verdict) }

    /// A table of the checks and a verdict line, for people.
    public var text: String {
        let actionWidth = verdict.outcomes.map(\.check.permission.action.count).max() ?? 0
        let resourceWidth = verdict.outcomes.map(\.check.resource.count).max() ?? 0
        var lines = ["check \(call)"]
        if !verdict.contextComplete { lines.append("  context incomplete: no actor or no scope (strict mode decides)") }
        for outcome in verdict.outcomes {
            let decision = outcome.decision
            let mark = decision.isAllowed ? "allow" : decision.outcome == .deny ? "DENY " : "undef"
            var why = decision.policies.joined(separator: ", ")
            if why.isEmpty {
                why = Self.reasonWithoutPolicies(decision)
            }
            lines.append(
                "  \(mark)  \(outcome.check.permission.action.padding(actionWidth))  "
                    + "\(outcome.check.resource.padding(resourceWidth))  \(why)")
            for error in decision.errors { lines.append("         error: \(error.description)") }
        }
        if let denied = verdict.firstDenied {
            lines.append("verdict: deny (\(denied.check.denialMessage))")
        } else {
            lines.append("verdict: allow")
        }
        lines.append("policy revision \(verdict.revision.prefix(12))")
        return lines.joined(separator: "\n")
    }
}

extension CheckReport {
    /// Why a check without deciding policies came out as it did: no policy applies, or the
    /// incomplete context was decided by strict mode (denied) or by strict mode being off (allowed).
    static func reasonWithoutPolicies(_ decision: Decision) -> String {
        if decision.outcome == .undefined { return "(no policy applies)" }
        if decision.contextComplete { return "" }
        return decision.isAllowed ? "(strict mode off)" : "(strict mode)"
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
