import Foundation
import WardenExpression
import WardenValue

extension ReferenceInterpreter {
    mutating func binary(_ op: String, _ l: ReferenceExpr, _ r: ReferenceExpr) throws -> Value {
        switch op {
        case "&&", "and":
            guard case .bool(let a) = try eval(l) else { throw Failure(kind: .type) }
            if !a { return .bool(false) }
            guard case .bool(let b) = try eval(r) else { throw Failure(kind: .type) }
            return .bool(b)
        case "||", "or":
            guard case .bool(let a) = try eval(l) else { throw Failure(kind: .type) }
            if a { return .bool(true) }
            guard case .bool(let b) = try eval(r) else { throw Failure(kind: .type) }
            return .bool(b)
        case "??":
            let a = try eval(l)
            return a == .null ? try eval(r) : a
        default:
            break
        }
        let a = try eval(l)
        let b = try eval(r)
        if op.hasPrefix("not ") {
            guard case .bool(let inner) = try apply(String(op.dropFirst(4)), a, b) else { throw Failure(kind: .type) }
            return .bool(!inner)
        }
        return try apply(op, a, b)
    }

    private func apply(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case "==": return .bool(Self.same(a, b))
        case "!=": return .bool(!Self.same(a, b))
        case "<", ">", "<=", ">=":
            let order: Int
            if case .string(let x) = a, case .string(let y) = b {
                let xs = Array(x.utf8)
                let ys = Array(y.utf8)
                order = xs == ys ? 0 : (xs.lexicographicallyPrecedes(ys) ? -1 : 1)
            } else if let o = Self.numericOrder(a, b) {
                order = o
            } else if Self.isNumber(a) && Self.isNumber(b) {
                return .bool(false)  // NaN
            } else {
                throw Failure(kind: .type)
            }
            switch op {
            case "<": return .bool(order < 0)
            case ">": return .bool(order > 0)
            case "<=": return .bool(order <= 0)
            default: return .bool(order >= 0)
            }
        case "in":
            switch b {
            case .list(let items): return .bool(items.contains { Self.same(a, $0) })
            case .map(let m):
                if case .string(let k) = a { return .bool(m[k] != nil) }
                return .bool(false)
            default: throw Failure(kind: .type)
            }
        case "matches":
            guard case .string(let x) = a, case .string(let p) = b else { throw Failure(kind: .type) }
            let regex = try NSRegularExpression(pattern: p)
            return .bool(regex.firstMatch(in: x, range: NSRange(x.startIndex..., in: x)) != nil)
        case "contains", "startsWith", "endsWith":
            guard case .string(let x) = a, case .string(let y) = b else { throw Failure(kind: .type) }
            let xs = Array(x.utf8)
            let ys = Array(y.utf8)
            if op == "startsWith" { return .bool(xs.starts(with: ys)) }
            if op == "endsWith" { return .bool(xs.reversed().starts(with: ys.reversed())) }
            if ys.isEmpty { return .bool(true) }
            if ys.count > xs.count { return .bool(false) }
            for start in 0...(xs.count - ys.count) where Array(xs[start..<start + ys.count]) == ys {
                return .bool(true)
            }
            return .bool(false)
        default:
            return try arithmetic(op, a, b)
        }
    }

    private func arithmetic(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        if op == "+", case .string(let x) = a, case .string(let y) = b { return .string(x + y) }
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case "+":
                let r = x.addingReportingOverflow(y)
                if r.overflow { throw Failure(kind: .overflow) }
                return .int(r.partialValue)
            case "-":
                let r = x.subtractingReportingOverflow(y)
                if r.overflow { throw Failure(kind: .overflow) }
                return .int(r.partialValue)
            case "*":
                let r = x.multipliedReportingOverflow(by: y)
                if r.overflow { throw Failure(kind: .overflow) }
                return .int(r.partialValue)
            case "/":
                if y == 0 { throw Failure(kind: .divisionByZero) }
                return .double(Double(x) / Double(y))
            default:
                if y == 0 { throw Failure(kind: .divisionByZero) }
                if x == Int.min && y == -1 { throw Failure(kind: .overflow) }
                return .int(x % y)
            }
        }
        guard op != "%", let x = Self.asDouble(a), let y = Self.asDouble(b) else { throw Failure(kind: .type) }
        switch op {
        case "+": return .double(x + y)
        case "-": return .double(x - y)
        case "*": return .double(x * y)
        default:
            if y == 0 { throw Failure(kind: .divisionByZero) }
            return .double(x / y)
        }
    }

    static func isNumber(_ v: Value) -> Bool { asDouble(v) != nil }

    static func asDouble(_ v: Value) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    /// Order of two numbers; nil if either is not a number or NaN is involved.
    static func numericOrder(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.int(let x), .double(let y)): return intDoubleOrder(x, y)
        case (.double(let x), .int(let y)): return intDoubleOrder(y, x).map { -$0 }
        default: return nil
        }
    }

    private static func intDoubleOrder(_ i: Int, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        let approx = Double(i)
        if approx != d { return approx < d ? -1 : 1 }
        // Double(i) == d, so d is integral; compare exactly where d fits an Int.
        guard let exact = Int(exactly: d) else { return -1 }  // d == 2^63 > every Int
        return i == exact ? 0 : (i < exact ? -1 : 1)
    }

    /// Equality as the spec defines it: no coercion, numbers by value, strings by bytes.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return Array(x.utf8) == Array(y.utf8)
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        default:
            return numericOrder(a, b) == 0
        }
    }
}
