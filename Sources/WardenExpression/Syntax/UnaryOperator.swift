/// Prefix operators: `!`/`not` binds looser than `*` but tighter than `+`; `-`/`+` tighter still.
enum UnaryOperator: String, Sendable {
    case not = "!", negate = "-", plus = "+"

    /// How tightly the operand is parsed.
    var precedence: Int {
        switch self {
        case .not: 50
        case .negate, .plus: 90
        }
    }
}

/// Words that cannot be names because they are operators or literals.
enum Keywords {
    static let reserved: Set<String> = [
        "and", "or", "not", "in", "matches", "contains", "startsWith", "endsWith", "true", "false", "nil",
    ]
    static let binaryWords = ["and", "or", "in", "matches", "contains", "startsWith", "endsWith", "not"]
}
