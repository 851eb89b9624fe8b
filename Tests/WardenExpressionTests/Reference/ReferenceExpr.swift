import WardenValue

/// The reference interpreter's own syntax tree, built by the random generator and rendered
/// to source text for the compiler under test.
indirect enum ReferenceExpr {
    case literal(Value)
    case name(String)
    /// `#`
    case current
    case list([ReferenceExpr])
    case map([(String, ReferenceExpr)])
    case not(ReferenceExpr)
    case negate(ReferenceExpr)
    /// A binary operator as written: `&&`, `or`, `==`, `not in`, `startsWith`, `??`, `+`, ...
    case binary(String, ReferenceExpr, ReferenceExpr)
    case ternary(ReferenceExpr, ReferenceExpr, ReferenceExpr)
    case member(ReferenceExpr, String, optional: Bool)
    case index(ReferenceExpr, ReferenceExpr, optional: Bool)
    /// A builtin call; closure builtins take `[list, body]`.
    case call(String, [ReferenceExpr])
}
