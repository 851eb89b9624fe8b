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

/// Builds evaluation errors with consistent wording.
enum Fail {
    static func type(_ message: String, _ at: SourcePosition) -> ExpressionError {
        ExpressionError(kind: .type, message: message, position: at)
    }

    /// `` `x` `` for a value in a message: the canonical JSON, shortened when long.
    static func show(_ v: Value) -> String {
        var text = v.canonicalJSON
        if text.utf8.count > 60 { text = String(text.prefix(57)) + "..." }
        return "`\(text)`"
    }

    /// "a string (`"x"`)": the type and a short rendering of a value.
    static func describe(_ v: Value) -> String {
        switch v {
        case .null: "nil"
        case .list(let l): "a list of \(l.count)"
        case .map(let m): "a map of \(m.count)"
        default: "\(article(v.typeName)) \(show(v))"
        }
    }

    private static func article(_ name: String) -> String {
        name == "int" ? "an int" : "a \(name)"
    }
}
