import WardenValue

/// The reference interpreter's own syntax tree, built by the random generator and rendered
/// to source text for the compiler under test.
public indirect enum ReferenceExpr {
    /// A literal value.
    case literal(Value)
    /// A name of the environment (`actor`, `action`, `resource`, `meta`, or an undefined one).
    case name(String)
    /// `#`
    case current
    /// A list literal.
    case list([ReferenceExpr])
    /// A map literal.
    case map([(String, ReferenceExpr)])
    /// `!x`
    case not(ReferenceExpr)
    /// `-x`
    case negate(ReferenceExpr)
    /// A binary operator as written: `&&`, `or`, `==`, `not in`, `startsWith`, `??`, `+`, ...
    case binary(String, ReferenceExpr, ReferenceExpr)
    /// `c ? a : b`
    case ternary(ReferenceExpr, ReferenceExpr, ReferenceExpr)
    /// `x.name` or `x?.name`.
    case member(ReferenceExpr, String, optional: Bool)
    /// `x[i]` or `x?.[i]`.
    case index(ReferenceExpr, ReferenceExpr, optional: Bool)
    /// A builtin call; closure builtins take `[list, body]`.
    case call(String, [ReferenceExpr])
}
