import WardenPolicy
import WardenValue

/// A condition-only policy in namespace `t`.
func policy(
    _ name: String, _ effect: Effect = .allow, actions: [String] = ["*"], resources: [String] = ["*"],
    conditions: [ConditionDefinition] = [], groups: [String] = [], namespace: String = "t"
) -> PolicyDefinition {
    PolicyDefinition(
        namespace: namespace, name: name, effect: effect, actions: actions, resources: resources,
        body: .conditions(conditions), groups: groups)
}

/// A condition with a literal value.
func condition(_ field: String, _ op: ConditionOperator, _ value: Value) -> ConditionDefinition {
    ConditionDefinition(field: field, op: op, operand: .value(value))
}

/// A condition with a `value_from` path.
func condition(_ field: String, _ op: ConditionOperator, from path: String) -> ConditionDefinition {
    ConditionDefinition(field: field, op: op, operand: .valueFrom(path))
}

/// Compiles definitions that are expected to be valid.
func compiled(_ definitions: [PolicyDefinition]) throws -> PolicySet {
    try compile(definitions).get()
}

private func compile(_ definitions: [PolicyDefinition]) -> PolicyLoadResult {
    PolicySet.compile(definitions)
}

/// A request with actor `u`.
func request(
    _ action: String = "read", _ resource: String = "r", actor: Actor? = Actor(id: "u"),
    meta: [String: Value] = [:]
) -> AuthorizationRequest {
    AuthorizationRequest(actor: actor, action: action, resource: resource, meta: meta)
}

/// Evaluates one request against all policies of `definitions`.
func decide(_ definitions: [PolicyDefinition], _ request: AuthorizationRequest) throws -> Decision {
    let set = try compiled(definitions)
    return set.evaluate(request, in: set.allPolicies)
}
