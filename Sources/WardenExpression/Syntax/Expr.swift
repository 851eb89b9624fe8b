import WardenRegex
import WardenValue

/// A node of the syntax tree, with its source range and the offset errors are reported at.
struct Expr: Sendable {
    var kind: ExprKind
    /// UTF-8 offsets of the node's source text.
    var span: Range<Int>
    /// Offset of the token that names the node (an operator, a function name, a literal).
    var at: Int
    /// The height of the subtree (a leaf is 1).
    var depth: Int

    /// Whether the node is a literal, and its value.
    var literal: Value? {
        if case .literal(let v) = kind { return v }
        return nil
    }
}

/// What a node is. Parsing produces all but `builtin` and `regexMatch`, which checking introduces.
indirect enum ExprKind: Sendable {
    case literal(Value)
    case name(String)
    /// `#`, the current element inside a closure.
    case current
    case list([Expr])
    case map([MapEntry])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case ternary(Expr, Expr, Expr)
    /// Member and index accesses on `base`; a `?.` link that meets `nil` makes the whole chain `nil`.
    case chain(Expr, [ChainLink])
    /// A call as written; checking resolves it into `builtin`.
    case call(String, [Expr])
    /// A predicate or mapping body, only as a builtin argument.
    case closure(Expr)
    case builtin(Builtin, [Expr])
    /// `matches` with its pattern compiled at load.
    case regexMatch(Expr, RegularExpression)
}

extension Expr {
    /// The number of nodes in the subtree, the step cost of evaluating it once.
    var size: Int {
        switch kind {
        case .literal, .name, .current: 1
        case .list(let elements): 1 + elements.reduce(0) { $0 + $1.size }
        case .map(let entries): 1 + entries.reduce(0) { $0 + $1.value.size }
        case .unary(_, let operand): 1 + operand.size
        case .binary(_, let lhs, let rhs): 1 + lhs.size + rhs.size
        case .ternary(let c, let t, let o): 1 + c.size + t.size + o.size
        case .chain(let base, let links):
            links.reduce(1 + base.size) { total, link in
                if case .index(let e) = link.key { return total + 1 + e.size }
                return total + 1
            }
        case .call(_, let args), .builtin(_, let args): 1 + args.reduce(0) { $0 + $1.size }
        case .closure(let body): body.size
        case .regexMatch(let subject, _): 2 + subject.size
        }
    }
}
