import WardenExpression
import WardenPolicy
import WardenService
import WardenValue

/// Prints an ``Explanation``: every policy of the scope with its result, each condition with the
/// resolved field value, the compared value and the outcome, and the trace of each expression.
enum ExplanationRendering {
    /// The explanation as indented lines.
    static func text(_ explanation: Explanation, in set: PolicySet) -> [String] {
        var lines = ["scope: \(DiagnosticRendering.count(explanation.policies.count, "policy", "policies"))"]
        for policy in explanation.policies {
            lines.append("\(policy.id): \(policy.result) (\(policy.kind), effect \(policy.effect))")
            let definition = set.definition(id: policy.id)
            lines.append(
                "  actions \(patterns(definition?.actions)): "
                    + (policy.actionMatched ? "match" : "no match for `\(explanation.request.action)`"))
            if policy.actionMatched {
                lines.append(
                    "  resources \(patterns(definition?.resources)): "
                        + (policy.resourceMatched ? "match" : "no match for `\(explanation.request.resource)`"))
            }
            for (index, condition) in policy.conditions.enumerated() {
                lines.append("  condition \(index + 1): " + text(condition))
            }
            if let trace = policy.expression {
                if case .expression(let source)? = definition?.body {
                    lines.append("  expression: " + source.split(separator: "\n").joined(separator: " "))
                }
                for step in trace.steps {
                    lines.append("    \(step.text) => \(step.value.canonicalJSON)")
                }
                switch trace.result {
                case .success(let value): lines.append("  value: \(value.canonicalJSON)")
                case .failure(let error): lines.append("  value: error at \(error)")
                }
            }
            if let error = policy.error {
                lines.append("  error: \(error)")
                if policy.effect == .deny {
                    lines.append("  a deny policy that cannot be evaluated denies (fail closed)")
                }
            }
        }
        return lines
    }

    /// `actor.meta.tier eq "free": field "free", compared "free" -> holds`.
    static func text(_ condition: ConditionExplanation) -> String {
        let field = condition.fieldValue.map(\.canonicalJSON) ?? "(missing)"
        let compared = condition.comparedValue.map(\.canonicalJSON) ?? "(no actor)"
        return "\(condition.field) \(condition.op): field \(field), compared \(compared) -> \(condition.outcome)"
    }

    private static func patterns(_ list: [String]?) -> String {
        "[" + (list ?? []).joined(separator: ", ") + "]"
    }

    /// The explanation as JSON objects, one per policy of the scope.
    static func json(_ explanation: Explanation, in set: PolicySet) -> [JSONObject] {
        ExplanationAnswer.json(explanation, in: set)
    }
}
