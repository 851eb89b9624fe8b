/// Prefix operators: `!`/`not` binds looser than `*` but tighter than `+`; `-`/`+` tighter still.
enum UnaryOperator: String, Sendable {
    case not = "!"
    case negate = "-"
    case plus = "+"

    /// How tightly the operand is parsed.
    var precedence: Int {
        switch self {
        case .not: 50
        case .negate, .plus: 90
        }
    }
}
