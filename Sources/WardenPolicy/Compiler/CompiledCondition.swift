import WardenRegex
import WardenValue

/// A condition ready to evaluate: paths resolved to accessors, regular expression built.
/// (A class, so evaluation passes one reference around rather than copying the parts.)
final class CompiledCondition: Sendable {
    /// The field the condition reads.
    let field: FieldPath
    /// The operator.
    let op: ConditionOperator
    /// What the field is compared with.
    let operand: CompiledOperand
    /// The built regular expression of a `matches`/`nmatches` condition.
    let regex: RegularExpression?

    init(field: FieldPath, op: ConditionOperator, operand: CompiledOperand, regex: RegularExpression?) {
        self.field = field
        self.op = op
        self.operand = operand
        self.regex = regex
    }
}

/// The compared value of a condition: a literal or a path resolved per request.
enum CompiledOperand: Sendable {
    /// A literal `value`.
    case literal(Value)
    /// A `value_from` path; missing yields `null`.
    case field(FieldPath)
}
