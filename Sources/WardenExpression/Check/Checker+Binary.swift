import WardenRegex
import WardenValue

extension Checker {
    mutating func checkBinary(_ e: Expr, _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr) -> (Expr, ValueKinds) {
        let (l, lk) = check(lhs)
        let (r, rk) = check(rhs)
        var out = e
        out.kind = .binary(op, l, r)
        switch op {
        case .and, .or:
            requireBool(lk, l, "the left side of `\(op.symbol)`")
            requireBool(rk, r, "the right side of `\(op.symbol)`")
            return foldKinds(out, all: [l, r], .bool)
        case .matches:
            return checkMatches(e, l, lk, r)
        default:
            let result = requireSome(TypeRules.binary(op, lk, rk), e, Checker.mismatch(op, lk, rk))
            return foldKinds(out, all: [l, r], result)
        }
    }

    static func mismatch(_ op: BinaryOperator, _ lk: ValueKinds, _ rk: ValueKinds) -> String {
        let wants: String
        switch op {
        case .less, .greater, .lessOrEqual, .greaterOrEqual: wants = "two numbers or two strings"
        case .in: wants = "a list or a map on the right"
        case .contains, .startsWith, .endsWith: wants = "two strings"
        case .add: wants = "two numbers or two strings"
        case .remainder: wants = "two integers"
        default: wants = "two numbers"
        }
        return
            "`\(op.symbol)` needs \(wants), but here the left side is always \(lk) and the right side \(rk); there is no implicit conversion"
    }

    private mutating func checkMatches(_ e: Expr, _ l: Expr, _ lk: ValueKinds, _ r: Expr) -> (Expr, ValueKinds) {
        var out = e
        guard let pattern = r.literal else {
            report(
                .dynamicRegex,
                "the pattern of `matches` must be a constant string; compare request values with `==`, `startsWith` or `contains` instead",
                at: r.span.lowerBound)
            return (out, .bool)
        }
        guard case .string(let patternText) = pattern else {
            if typeChecks {
                report(
                    .type, "the pattern of `matches` must be a string, got `\(pattern.typeName)`", at: r.span.lowerBound
                )
            }
            return (out, .bool)
        }
        guard !patternText.isEmpty else {
            report(
                .badRegex,
                "the pattern of `matches` is empty, which matches everything; remove the test or write the pattern you mean",
                at: r.span.lowerBound)
            return (out, .bool)
        }
        let regex: RegularExpression
        switch RegularExpression.compile(patternText) {
        case .success(let compiled): regex = compiled
        case .failure(let error):
            report(.badRegex, "\(error.description); \(RegularExpressionError.hint)", at: r.span.lowerBound)
            return (out, .bool)
        }
        _ = requireSome(
            lk.contains(.string) ? .bool : [], e,
            "`matches` needs a string on the left, but `\(text(l))` is always \(lk)")
        out.kind = .regexMatch(l, regex)
        return foldKinds(out, all: [l], .bool)
    }
}
