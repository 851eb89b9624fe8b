import WardenRegex
import WardenValue

/// Turns a checked syntax tree into a tree of closures, the form `evaluate` runs.
///
/// Every node becomes one closure that captures its children, its constants and the source
/// position errors are reported at; nothing is parsed or looked up by name at evaluation time.
struct Codegen {
    let sourceText: SourceText
    let map: SourceMap
    let limits: ExpressionLimits
    /// Whether to record sub-expression values (for `explain`).
    let tracing: Bool
    /// How many closure bodies enclose the node being compiled.
    var closureLevel = 0

    init(text: SourceText, map: SourceMap, limits: ExpressionLimits, tracing: Bool = false) {
        self.sourceText = text
        self.map = map
        self.limits = limits
        self.tracing = tracing
    }

    func position(_ offset: Int) -> SourcePosition { map.position(offset) }

    /// The source text of `span`.
    func text(_ span: Range<Int>) -> String { sourceText.slice(span, limit: 200) }

    mutating func compile(_ e: Expr) -> Eval {
        let eval = compileNode(e)
        guard tracing, closureLevel == 0, e.literal == nil else { return eval }
        let step = ExpressionTrace.Step(text: text(e.span), position: position(e.span.lowerBound), value: .null)
        return { env, s throws(ExpressionError) in
            let v = try eval(env, &s)
            var recorded = step
            recorded.value = v
            s.trace.append(recorded)
            return v
        }
    }

    mutating func compileNode(_ e: Expr) -> Eval {
        let at = position(e.at)
        switch e.kind {
        case .literal(let v):
            return { _, _ in v }
        case .name(let name):
            return Codegen.name(name)
        case .current:
            return { _, s in s.current }
        case .list(let elements):
            let evals = elements.map { compile($0) }
            return { env, s throws(ExpressionError) in
                var out: [Value] = []
                out.reserveCapacity(evals.count)
                for eval in evals { out.append(try eval(env, &s)) }
                return .list(out)
            }
        case .map(let entries):
            let evals = entries.map { ($0.key, compile($0.value)) }
            return { env, s throws(ExpressionError) in
                var out: [String: Value] = [:]
                for (key, eval) in evals { out[key] = try eval(env, &s) }
                return .map(out)
            }
        case .unary(let op, let operand):
            return unary(op, compile(operand), at)
        case .binary(let op, let lhs, let rhs):
            return binary(op, lhs, rhs, at)
        case .ternary(let condition, let then, let otherwise):
            let c = compile(condition)
            let t = compile(then)
            let o = compile(otherwise)
            return { env, s throws(ExpressionError) in
                try Semantics.bool(try c(env, &s), "the condition of `?:`", at) ? try t(env, &s) : try o(env, &s)
            }
        case .chain(let base, let links):
            return chain(base, links)
        case .builtin(let builtin, let args):
            return call(builtin, args, at)
        case .regexMatch(let subject, let regex):
            let lhs = compile(subject)
            return { env, s throws(ExpressionError) in
                let v = try lhs(env, &s)
                guard case .string(let text) = v else {
                    throw Fail.type("`matches` needs a string on the left, got \(Fail.describe(v))", at)
                }
                do throws(RegularExpressionMatchError) {
                    return .bool(try regex.matches(text))
                } catch {
                    throw ExpressionError(kind: .regexFailed, message: error.description, position: at)
                }
            }
        case .call, .closure:
            // Checking resolves every call and only builtins hold closures; never reached.
            return { _, _ throws(ExpressionError) in
                throw ExpressionError(kind: .type, message: "internal error: unchecked node", position: at)
            }
        }
    }

    private static func name(_ name: String) -> Eval {
        switch name {
        case "action": { env, _ in .string(env.action) }
        case "resource": { env, _ in .string(env.resource) }
        case "meta": { env, _ in .map(env.meta) }
        case "actor": { env, _ in env.actor?.value ?? .null }
        default: { _, _ in .null }
        }
    }

    private func unary(_ op: UnaryOperator, _ operand: @escaping Eval, _ at: SourcePosition) -> Eval {
        switch op {
        case .not:
            return { env, s throws(ExpressionError) in
                .bool(!(try Semantics.bool(try operand(env, &s), "`!`", at)))
            }
        case .negate, .plus:
            return { env, s throws(ExpressionError) in try Semantics.negate(op, try operand(env, &s), at) }
        }
    }
}
