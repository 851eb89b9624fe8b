import WardenValue

/// A checked, compiled expression: immutable, `Sendable`, evaluated many times.
public struct CompiledExpression: Sendable {
    /// The source text it was compiled from.
    public let source: String
    /// The limits it was compiled with; evaluation enforces the step and size limits.
    public let limits: ExpressionLimits
    let tree: Expr
    let kinds: ValueKinds
    let map: SourceMap
    let text: SourceText
    private let root: Eval

    init(source: String, text: SourceText, limits: ExpressionLimits, tree: Expr, kinds: ValueKinds, map: SourceMap) {
        self.source = source
        self.text = text
        self.limits = limits
        self.tree = tree
        self.kinds = kinds
        self.map = map
        var codegen = Codegen(text: text, map: map, limits: limits)
        root = codegen.compile(tree)
    }

    /// Evaluates the expression; the value may be of any type (see ``evaluateBool(_:)``).
    public func evaluate(_ env: ExpressionEnvironment) -> Result<Value, ExpressionError> {
        var scratch = EvalScratch()
        do throws(ExpressionError) {
            return .success(try root(env, &scratch))
        } catch {
            return .failure(error)
        }
    }

    /// Evaluates the expression and requires a boolean: any other value is an `expr-not-boolean` error.
    public func evaluateBool(_ env: ExpressionEnvironment) -> Result<Bool, ExpressionError> {
        switch evaluate(env) {
        case .success(.bool(let b)): return .success(b)
        case .success(let other): return .failure(notBoolean(other))
        case .failure(let error): return .failure(error)
        }
    }

    /// Evaluates the expression recording each sub-expression that decided the result.
    ///
    /// Slower than ``evaluate(_:)`` (it compiles a tracing variant first); for `--explain` output.
    public func explain(_ env: ExpressionEnvironment) -> ExpressionTrace {
        var codegen = Codegen(text: text, map: map, limits: limits, tracing: true)
        let traced = codegen.compile(tree)
        var scratch = EvalScratch()
        do throws(ExpressionError) {
            let value = try traced(env, &scratch)
            return ExpressionTrace(result: .success(value), steps: scratch.trace)
        } catch {
            return ExpressionTrace(result: .failure(error), steps: scratch.trace)
        }
    }

    private func notBoolean(_ value: Value) -> ExpressionError {
        let detail: String
        switch value {
        case .null: detail = ""
        case .list, .map: detail = " (\(Fail.describe(value)))"
        default: detail = " (\(Fail.show(value)))"
        }
        return ExpressionError(
            kind: .notBoolean,
            message: "expression returned `\(value.typeName)`\(detail), not a boolean; compare it, e.g. `... == true`",
            position: map.position(tree.span.lowerBound))
    }
}
