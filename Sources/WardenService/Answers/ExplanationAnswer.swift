import WardenExpression
import WardenPolicy
import WardenValue

/// The JSON form of an ``Explanation``, as `warden eval --explain --format json` and
/// `POST /v1/decide?explain=true` give it: every policy of the scope with its result, each
/// condition with the resolved field value, the compared value and the outcome, and the trace of
/// each expression.
public enum ExplanationAnswer {
    /// The explanation as JSON objects, one per policy of the scope.
    public static func json(_ explanation: Explanation, in set: PolicySet) -> [JSONObject] {
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
