import WardenValue

/// `==` without coercion: numbers compare by value across int and float, strings by bytes,
/// lists and maps element by element; values of different types are never equal.
enum Equality {
    /// The deepest nesting compared before giving up with an error.
    static let maxDepth = 256

    /// Whether `a` equals `b`; `nil` when the values nest deeper than ``maxDepth``.
    static func equal(_ a: Value, _ b: Value, depth: Int = 0) -> Bool? {
        switch (a, b) {
        case (.string(let x), .string(let y)): return ByteString.equal(x, y)
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double): return Numeric.compare(a, b) == 0
        case (.list(let x), .list(let y)):
            guard depth < maxDepth else { return nil }
            guard x.count == y.count else { return false }
            for (l, r) in zip(x, y) {
                guard let same = equal(l, r, depth: depth + 1) else { return nil }
                if !same { return false }
            }
            return true
        case (.map(let x), .map(let y)):
            guard depth < maxDepth else { return nil }
            guard x.count == y.count else { return false }
            for (key, l) in x {
                guard let r = y[key] else { return false }
                guard let same = equal(l, r, depth: depth + 1) else { return nil }
                if !same { return false }
            }
            return true
        default:
            return false
        }
    }
}
