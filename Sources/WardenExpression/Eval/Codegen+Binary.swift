import WardenValue

extension Codegen {
    mutating func binary(_ op: BinaryOperator, _ lhsNode: Expr, _ rhsNode: Expr, _ at: SourcePosition) -> Eval {
        let lhs = compile(lhsNode)
        let rhs = compile(rhsNode)
        switch op {
        case .and:
            return { env, s throws(ExpressionError) in
                guard try Semantics.bool(try lhs(env, &s), "the left side of `&&`", at) else { return .bool(false) }
                return .bool(try Semantics.bool(try rhs(env, &s), "the right side of `&&`", at))
            }
        case .or:
            return { env, s throws(ExpressionError) in
                if try Semantics.bool(try lhs(env, &s), "the left side of `||`", at) { return .bool(true) }
                return .bool(try Semantics.bool(try rhs(env, &s), "the right side of `||`", at))
            }
        case .equal, .notEqual:
            let negate = op == .notEqual
            if case .string(let constant)? = rhsNode.literal {
                return { env, s throws(ExpressionError) in
                    guard case .string(let x) = try lhs(env, &s) else { return .bool(negate) }
                    return .bool(ByteString.equal(x, constant) != negate)
                }
            }
            return { env, s throws(ExpressionError) in
                let a = try lhs(env, &s)
                return .bool(try Semantics.equal(a, try rhs(env, &s), at) != negate)
            }
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            return { env, s throws(ExpressionError) in
                let a = try lhs(env, &s)
                return .bool(try Semantics.order(op, a, try rhs(env, &s), at))
            }
        case .in:
            return membership(lhs, rhs, rhsNode, at)
        case .matches:
            // Checking turns every `matches` into a compiled regex; a dynamic pattern is a load error.
            return { _, _ throws(ExpressionError) in
                throw ExpressionError(kind: .type, message: "internal error: dynamic regex", position: at)
            }
        case .contains, .startsWith, .endsWith:
            return { env, s throws(ExpressionError) in
                let a = try lhs(env, &s)
                return .bool(try Semantics.text(op, a, try rhs(env, &s), at))
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            let maxString = limits.maxStringLength
            return { env, s throws(ExpressionError) in
                let a = try lhs(env, &s)
                return try Semantics.arithmetic(op, a, try rhs(env, &s), at, maxString: maxString)
            }
        case .coalesce:
            return { env, s throws(ExpressionError) in
                let a = try lhs(env, &s)
                if case .null = a { return try rhs(env, &s) }
                return a
            }
        }
    }

    private func membership(_ lhs: @escaping Eval, _ rhs: @escaping Eval, _ rhsNode: Expr, _ at: SourcePosition) -> Eval
    {
        if case .list(let elements)? = rhsNode.literal {
            let strings = elements.compactMap(\.stringValue)
            if strings.count == elements.count {
                // A literal list of strings: only a string can be a member.
                return { env, s throws(ExpressionError) in
                    guard case .string(let x) = try lhs(env, &s) else { return .bool(false) }
                    return .bool(strings.contains { ByteString.equal($0, x) })
                }
            }
        }
        let maxSteps = limits.maxSteps
        return { env, s throws(ExpressionError) in
            let needle = try lhs(env, &s)
            let haystack = try rhs(env, &s)
            if case .list(let l) = haystack {
                s.steps += l.count
                guard s.steps <= maxSteps else { throw Codegen.stepLimit(maxSteps, at) }
            }
            return .bool(try Semantics.member(needle, haystack, at))
        }
    }

    static func stepLimit(_ limit: Int, _ at: SourcePosition) -> ExpressionError {
        ExpressionError(
            kind: .stepLimit,
            message: "evaluation exceeded \(limit) steps; simplify the expression or bound the input lists",
            position: at)
    }
}
