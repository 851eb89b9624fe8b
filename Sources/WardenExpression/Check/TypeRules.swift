/// Result types of operators and builtins over single operand types; an empty result means
/// the combination is always an evaluation error. The evaluator implements the same rules.
enum TypeRules {
    /// The kinds `op` may produce for operands of kinds `lhs` and `rhs` (each possibly several).
    static func binary(_ op: BinaryOperator, _ lhs: ValueKinds, _ rhs: ValueKinds) -> ValueKinds {
        var result: ValueKinds = []
        for l in lhs.members {
            for r in rhs.members { result.formUnion(single(op, l, r)) }
        }
        return result
    }

    private static func single(_ op: BinaryOperator, _ l: ValueKinds, _ r: ValueKinds) -> ValueKinds {
        let numbers = ValueKinds.number.contains(l) && ValueKinds.number.contains(r)
        switch op {
        case .equal, .notEqual:
            return .bool
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            return numbers || (l == .string && r == .string) ? .bool : []
        case .in:
            return r == .list || r == .map ? .bool : []
        case .matches, .contains, .startsWith, .endsWith:
            return l == .string && r == .string ? .bool : []
        case .add:
            if l == .string && r == .string { return .string }
            return numbers ? (l == .int && r == .int ? .int : .float) : []
        case .subtract, .multiply:
            return numbers ? (l == .int && r == .int ? .int : .float) : []
        case .divide:
            return numbers ? .float : []
        case .remainder:
            return l == .int && r == .int ? .int : []
        case .and, .or:
            // The right side only matters when it is evaluated; see `Checker`.
            return l == .bool ? .bool : []
        case .coalesce:
            return l == .null ? r : l
        }
    }

    /// The kinds a prefix operator may produce.
    static func unary(_ op: UnaryOperator, _ operand: ValueKinds) -> ValueKinds {
        switch op {
        case .not: operand.contains(.bool) ? .bool : []
        case .negate, .plus: operand.intersection(.number)
        }
    }
}
