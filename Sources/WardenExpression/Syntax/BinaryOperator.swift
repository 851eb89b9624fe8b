/// Binary operators, with expr-lang's precedence (higher binds tighter).
enum BinaryOperator: String, Sendable, CaseIterable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case greater = ">"
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case `in`, matches, contains, startsWith, endsWith
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case coalesce = "??"

    /// How tightly the operator binds.
    var precedence: Int {
        switch self {
        case .or: 10
        case .and: 15
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual,
            .in, .matches, .contains, .startsWith, .endsWith:
            20
        case .add, .subtract: 30
        case .multiply, .divide, .remainder: 60
        case .coalesce: 500
        }
    }

    /// The operator as users write it (`&&` and `||` for the logical ones).
    var symbol: String {
        switch self {
        case .or: "||"
        case .and: "&&"
        default: rawValue
        }
    }

    /// The operator a token stands for, if any (`not` is handled by the parser).
    static func from(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let s):
            switch s {
            case "||": return .or
            case "&&": return .and
            case "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "??": return BinaryOperator(rawValue: s)
            default: return nil
            }
        case .word(let w):
            switch w {
            case "or": return .or
            case "and": return .and
            case "in", "matches", "contains", "startsWith", "endsWith": return BinaryOperator(rawValue: w)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Word operators that `not` may negate (`a not in b`).
    var isNegatable: Bool {
        switch self {
        case .in, .matches, .contains, .startsWith, .endsWith: true
        default: false
        }
    }
}
