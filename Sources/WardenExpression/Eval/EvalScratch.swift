import WardenValue

/// A compiled node: evaluates against the environment, updating the per-evaluation scratch.
typealias Eval = @Sendable (ExpressionEnvironment, inout EvalScratch) throws(ExpressionError) -> Value

/// Mutable state of one evaluation: the step count, the closure element `#`, the trace.
struct EvalScratch {
    /// Steps taken so far (see `ExpressionLimits.maxSteps`).
    var steps = 0
    /// The element `#` stands for in the innermost running closure.
    var current: Value = .null
    /// Sub-expression values, recorded only by `explain`.
    var trace: [ExpressionTrace.Step] = []
}
