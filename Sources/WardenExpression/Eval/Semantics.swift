import WardenValue

/// The runtime meaning of each operator; shared by compiled closures and constant folding.
enum Semantics {
    static func equal(_ a: Value, _ b: Value, _ at: SourcePosition) throws(ExpressionError) -> Bool {
        guard let same = Equality.equal(a, b) else {
            throw ExpressionError(
                kind: .valueTooDeep,
                message: "values nest deeper than \(Equality.maxDepth) levels and cannot be compared", position: at)
        }
        return same
    }

    static func order(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: SourcePosition) throws(ExpressionError)
        -> Bool
    {
        let c: Int?
        switch (a, b) {
        case (.string(let x), .string(let y)):
            c = ByteString.less(x, y) ? -1 : (ByteString.equal(x, y) ? 0 : 1)
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            c = Numeric.compare(a, b)
        default:
            throw Fail.type(
                "`\(op.symbol)` compares two numbers or two strings, not \(Fail.describe(a)) and \(Fail.describe(b)); there is no implicit conversion",
                at)
        }
        guard let c else { return false }  // NaN is unordered
        switch op {
        case .less: return c < 0
        case .greater: return c > 0
        case .lessOrEqual: return c <= 0
        default: return c >= 0
        }
    }

    static func member(_ needle: Value, _ haystack: Value, _ at: SourcePosition) throws(ExpressionError) -> Bool {
        switch haystack {
        case .list(let elements):
            for element in elements where try equal(needle, element, at) { return true }
            return false
        case .map(let m):
            guard case .string(let key) = needle else { return false }
            return m[key] != nil
        default:
            throw Fail.type(
                "`in` needs a list or a map on the right, got \(Fail.describe(haystack)); use `?? []` to default a missing list",
                at)
        }
    }

    static func strings(_ what: String, _ a: Value, _ b: Value, _ at: SourcePosition) throws(ExpressionError) -> (
        String, String
    ) {
        guard case .string(let x) = a, case .string(let y) = b else {
            throw Fail.type("`\(what)` needs two strings, got \(Fail.describe(a)) and \(Fail.describe(b))", at)
        }
        return (x, y)
    }

    static func text(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: SourcePosition) throws(ExpressionError) -> Bool
    {
        let (x, y) = try strings(op.symbol, a, b, at)
        switch op {
        case .contains: return ByteString.contains(x, y.utf8)
        case .startsWith: return ByteString.hasPrefix(x, y.utf8)
        default: return ByteString.hasSuffix(x, y)
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, _ at: SourcePosition, maxString: Int)
        throws(ExpressionError) -> Value
    {
        if case .int(let x) = a, case .int(let y) = b { return try integer(op, x, y, at) }
        if op == .add, case .string(let x) = a, case .string(let y) = b {
            guard x.utf8.count + y.utf8.count <= maxString else {
                throw ExpressionError(
                    kind: .sizeLimit, message: "`+` would produce a string longer than \(maxString) bytes", position: at
                )
            }
            return .string(x + y)
        }
        guard let x = Numeric.double(a), let y = Numeric.double(b), op != .remainder else {
            let wants = op == .add ? "two numbers or two strings" : (op == .remainder ? "two integers" : "two numbers")
            throw Fail.type(
                "`\(op.symbol)` needs \(wants), got \(Fail.describe(a)) and \(Fail.describe(b)); there is no implicit conversion",
                at)
        }
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        default:
            guard y != 0 else { throw divisionByZero(at) }
            return .double(x / y)
        }
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int, _ at: SourcePosition) throws(ExpressionError)
        -> Value
    {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            guard y != 0 else { throw divisionByZero(at) }
            return .double(Double(x) / Double(y))
        default:
            guard y != 0 else { throw divisionByZero(at) }
            result = x.remainderReportingOverflow(dividingBy: y)
        }
        guard !result.overflow else {
            throw ExpressionError(
                kind: .overflow, message: "integer overflow in `\(x) \(op.symbol) \(y)`; integers are 64-bit",
                position: at)
        }
        return .int(result.partialValue)
    }

    private static func divisionByZero(_ at: SourcePosition) -> ExpressionError {
        ExpressionError(
            kind: .divisionByZero, message: "division by zero; guard the divisor, e.g. `d != 0 && n / d > 1`",
            position: at)
    }

    static func negate(_ op: UnaryOperator, _ v: Value, _ at: SourcePosition) throws(ExpressionError) -> Value {
        switch v {
        case .int(let i):
            if op == .plus { return v }
            guard i != .min else {
                throw ExpressionError(
                    kind: .overflow, message: "integer overflow in `-(\(i))`; integers are 64-bit", position: at)
            }
            return .int(-i)
        case .double(let d): return op == .plus ? v : .double(-d)
        default: throw Fail.type("prefix `\(op.rawValue)` needs a number, got \(Fail.describe(v))", at)
        }
    }

    static func bool(_ v: Value, _ what: @autoclosure () -> String, _ at: SourcePosition) throws(ExpressionError)
        -> Bool
    {
        guard case .bool(let b) = v else {
            throw Fail.type(
                "\(what()) needs a boolean, got \(Fail.describe(v)); there is no truthiness, compare explicitly", at)
        }
        return b
    }
}
