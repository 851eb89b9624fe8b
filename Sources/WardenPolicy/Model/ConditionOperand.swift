import WardenValue

/// What a condition compares its field with: a literal `value` or the value at `value_from`.
public enum ConditionOperand: Sendable, Hashable {
    /// A literal value from the policy.
    case value(Value)
    /// A field path resolved against the request; a missing field yields `null`.
    case valueFrom(String)
}
