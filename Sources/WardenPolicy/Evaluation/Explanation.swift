import WardenExpression
import WardenGlob
import WardenValue

/// Why a check was decided the way it was: every policy in scope with its result and, for each
/// condition, the resolved field value, the compared value and the outcome.
public struct Explanation: Sendable {
    /// The request explained.
    public var request: AuthorizationRequest
    /// The decision, the same ``PolicySet/evaluate(_:in:)`` returns.
    public var decision: Decision
    /// The revision of the policy set.
    public var revision: String
    /// Every policy of the scope, in id order.
    public var policies: [PolicyExplanation]
}

/// How one policy fared for a request.
public struct PolicyExplanation: Sendable {
    /// The policy id.
    public var id: String
    /// The policy's effect.
    public var effect: Effect
    /// `security.policy` or `security.policy.expr`.
    public var kind: String
    /// Whether one of the action patterns matches the action.
    public var actionMatched: Bool
    /// Whether one of the resource patterns matches the resource.
    public var resourceMatched: Bool
    /// What the policy yields: its effect when it applies, `undefined` otherwise; a deny policy
    /// whose body errors yields `deny` (fail closed).
    public var result: Outcome
    /// The evaluation error, when the policy errored.
    public var error: String?
    /// Every condition, evaluated (only when both patterns match).
    public var conditions: [ConditionExplanation]
    /// The traced evaluation of an expression policy (only when both patterns match).
    public var expression: ExpressionTrace?
}

/// One condition of one policy for a request.
public struct ConditionExplanation: Sendable {
    /// The field path as written.
    public var field: String
    /// The operator.
    public var op: ConditionOperator
    /// The field's value; `nil` when the field is missing (or the actor is absent).
    public var fieldValue: Value?
    /// The value compared with (`value`, or the value at `value_from`, `null` when missing);
    /// `nil` when it could not be resolved because the actor is absent.
    public var comparedValue: Value?
    /// Whether the condition holds.
    public var outcome: ConditionOutcome
}

extension PolicySet {
    /// Explains how `request` is decided in `scope`: the decision plus every policy of the scope.
    public func explain(_ request: AuthorizationRequest, in scope: ResolvedScope) -> Explanation {
        let decision = evaluate(request, in: scope)
        guard scope.revision == revision else {
            return Explanation(request: request, decision: decision, revision: revision, policies: [])
        }
        var action = request.action
        var resource = request.resource
        let policies = action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                scope.members.map { position in
                    explain(position, request, action: actionBytes, resource: resourceBytes)
                }
            }
        }
        return Explanation(request: request, decision: decision, revision: revision, policies: policies)
    }

    private func explain(
        _ position: Int, _ request: AuthorizationRequest, action: UnsafeBufferPointer<UInt8>,
        resource: UnsafeBufferPointer<UInt8>
    ) -> PolicyExplanation {
        let policy = storage.policies[position]
        let definition = storage.definitions[position]
        let actionMatched = policy.actions.contains { $0.matches(bytes: action) }
        let resourceMatched = policy.resources.contains { $0.matches(bytes: resource) }
        var explanation = PolicyExplanation(
            id: policy.id, effect: policy.effect, kind: definition.kind, actionMatched: actionMatched,
            resourceMatched: resourceMatched, result: .undefined, error: nil, conditions: [], expression: nil)
        guard actionMatched, resourceMatched else { return explanation }
        explanation.conditions = zip(policy.conditions, definition.conditions).map { compiled, written in
            explain(compiled, written, request)
        }
        if let (expression, _) = policy.expression {
            explanation.expression = expression.explain(
                ExpressionEnvironment(
                    actor: request.actor, action: request.action, resource: request.resource, meta: request.meta))
        }
        let result = policy.evaluateBody(request)
        explanation.result = policy.outcome(of: result)
        if case .error(let message) = result { explanation.error = message }
        return explanation
    }

    private func explain(
        _ condition: CompiledCondition, _ written: ConditionDefinition, _ request: AuthorizationRequest
    ) -> ConditionExplanation {
        var fieldValue: Value?
        if case .present(let value) = request.resolve(condition.field) { fieldValue = value }
        var compared: Value?
        switch condition.operand {
        case .literal(let value): compared = value
        case .field(let path):
            switch request.resolve(path) {
            case .present(let value): compared = value
            case .missing: compared = .null
            case .noActor: compared = nil
            }
        }
        return ConditionExplanation(
            field: written.field, op: written.op, fieldValue: fieldValue, comparedValue: compared,
            outcome: condition.evaluate(request))
    }
}
