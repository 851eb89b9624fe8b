import WardenYAML

/// One condition of a `security.policy` entry, as written.
public struct ConditionDefinition: Sendable, Hashable {
    /// The field path, e.g. `actor.meta.role`.
    public var field: String
    /// The operator.
    public var op: ConditionOperator
    /// The literal value or `value_from` path.
    public var operand: ConditionOperand
    /// Where the condition and its parts are written.
    public var marks: ConditionMarks

    /// Creates a condition.
    public init(
        field: String, op: ConditionOperator, operand: ConditionOperand,
        marks: ConditionMarks = ConditionMarks()
    ) {
        self.field = field
        self.op = op
        self.operand = operand
        self.marks = marks
    }
}

/// The source positions of a condition's parts, for diagnostics.
public struct ConditionMarks: Sendable, Hashable {
    /// The condition's mapping.
    public var condition: Mark
    /// The `field` value.
    public var field: Mark
    /// The `operator` value.
    public var op: Mark
    /// The `value` or `value_from` value.
    public var operand: Mark

    /// Creates marks; all default to the in-memory placeholder.
    public init(
        condition: Mark = .inMemory, field: Mark? = nil, op: Mark? = nil, operand: Mark? = nil
    ) {
        self.condition = condition
        self.field = field ?? condition
        self.op = op ?? condition
        self.operand = operand ?? condition
    }
}
