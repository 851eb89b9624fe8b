import WardenValue

/// The result of an evaluation with the value of each sub-expression that decided it.
///
/// Steps are listed in the order their evaluation finished, so operands come before the
/// operator that combined them. Sub-expressions skipped by short-circuiting are absent, and
/// so are literals and the work inside closure bodies (the builtin's result is listed).
public struct ExpressionTrace: Sendable {
    /// One evaluated sub-expression.
    public struct Step: Sendable, Hashable {
        /// The sub-expression's source text.
        public var text: String
        /// Where it starts in the expression.
        public var position: SourcePosition
        /// The value it produced.
        public var value: Value

        /// Creates a step.
        public init(text: String, position: SourcePosition, value: Value) {
            self.text = text
            self.position = position
            self.value = value
        }
    }

    /// The expression's value, or the error that stopped it.
    public var result: Result<Value, ExpressionError>
    /// The evaluated sub-expressions, innermost first.
    public var steps: [Step]

    /// Creates a trace.
    public init(result: Result<Value, ExpressionError>, steps: [Step]) {
        self.result = result
        self.steps = steps
    }
}
