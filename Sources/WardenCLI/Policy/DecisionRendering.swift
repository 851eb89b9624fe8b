import WardenPolicy
import WardenService
import WardenValue

/// Prints a decision: as lines for people, or as the JSON object scripts read.
enum DecisionRendering {
    /// `{"decision", "policies", "errors", "revision"}`, errors as `{"policy", "message"}`
    /// objects (`policy` is empty when the error is not one policy's).
    static func json(_ decision: Decision, revision: String) -> JSONObject {
        DecisionAnswer.json(decision, revision: revision)
    }

    /// `decision: deny`, the determining policies, errors, the context note and the revision.
    static func text(_ decision: Decision, revision: String, strict: Bool, gap: ContextGap) -> [String] {
        var lines = ["decision: \(decision.outcome)"]
        if !decision.policies.isEmpty {
            lines.append("policies: " + decision.policies.joined(separator: ", "))
        }
        for error in decision.errors {
            lines.append("error: \(error)")
        }
        if !decision.contextComplete {
            lines.append(
                strict
                    ? "context: incomplete (\(gap)); strict mode denies without evaluating policies"
                    : "context: incomplete (\(gap)); strict mode is off, so the check is allowed without evaluating policies"
            )
        }
        lines.append("revision: \(revision)")
        return lines
    }

    /// The exit code of a decision: 0 for allow, 2 for deny or undefined.
    static func exitCode(_ decision: Decision) -> WardenExitCode {
        decision.isAllowed ? .success : .denied
    }
}
