import WardenExpression
import WardenPolicy
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
        explanation.policies.map { policy in
            var object = JSONObject()
            object.add("id", .string(policy.id))
            object.add("kind", .string(policy.kind))
            object.add("effect", .string(policy.effect.rawValue))
            object.add("action_matched", .bool(policy.actionMatched))
            object.add("resource_matched", .bool(policy.resourceMatched))
            object.add("result", .string(policy.result.rawValue))
            object.add("error", policy.error.map(Value.string) ?? .null)
            object.add("conditions", policy.conditions.map(json))
            if let trace = policy.expression {
                var source = ""
                if case .expression(let text)? = set.definition(id: policy.id)?.body { source = text }
                object.add("expression", json(trace, source: source))
            }
            return object
        }
    }

    private static func json(_ condition: ConditionExplanation) -> JSONObject {
        var object = JSONObject()
        object.add("field", .string(condition.field))
        object.add("operator", .string(condition.op.rawValue))
        object.add("field_present", .bool(condition.fieldValue != nil))
        object.add("field_value", condition.fieldValue ?? .null)
        object.add("compared_value", condition.comparedValue ?? .null)
        switch condition.outcome {
        case .holds: object.add("outcome", .string("holds"))
        case .fails: object.add("outcome", .string("fails"))
        case .error(let message):
            object.add("outcome", .string("error"))
            object.add("error", .string(message))
        }
        return object
    }

    private static func json(_ trace: ExpressionTrace, source: String) -> JSONObject {
        var object = JSONObject()
        object.add("source", .string(source))
        switch trace.result {
        case .success(let value): object.add("value", value)
        case .failure(let error):
            object.add("value", .null)
            object.add("error", .string(error.description))
        }
        object.add(
            "steps",
            trace.steps.map { step in
                var entry = JSONObject()
                entry.add("text", .string(step.text))
                entry.add("value", step.value)
                return entry
            })
        return object
    }
}
