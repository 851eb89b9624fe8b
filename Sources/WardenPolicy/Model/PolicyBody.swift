/// What decides whether a policy applies once its actions and resources match.
public enum PolicyBody: Sendable, Hashable {
    /// `security.policy`: all conditions must hold (an empty list always holds).
    case conditions([ConditionDefinition])
    /// `security.policy.expr`: a boolean expression (spec section 6).
    case expression(String)

    /// The entry kind that carries this body.
    public var kind: String {
        switch self {
        case .conditions: PolicyKind.conditions
        case .expression: PolicyKind.expression
        }
    }
}

/// The registry entry kinds the policy loader reads; entries of other kinds are ignored.
public enum PolicyKind {
    /// `security.policy`: a policy with conditions.
    public static let conditions = "security.policy"
    /// `security.policy.expr`: a policy with an expression.
    public static let expression = "security.policy.expr"
}
