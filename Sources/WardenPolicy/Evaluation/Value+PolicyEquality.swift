import WardenValue

extension Value {
    /// Condition equality (spec section 4): same type and value (deeply); else both numbers or
    /// numeric strings compared as numbers; else both scalars compared by string form.
    ///
    /// `null` equals only `null`: its string form never stands in for a real value, so a
    /// missing `value_from` cannot be matched by a field holding the text `nil`.
    func policyEquals(_ other: Value) -> Bool {
        if case .string(let a) = self, case .string(let b) = other {
            // Two strings: equal text, or two numeric strings of equal value.
            if a == b { return true }
            guard Self.mayBeNumeric(a), Self.mayBeNumeric(b), let x = Value.parseDecimal(a),
                let y = Value.parseDecimal(b)
            else { return false }
            return x == y
        }
        if self == other { return true }
        if isNull || other.isNull { return false }
        if let a = numericValue, let b = other.numericValue { return a == b }
        if isScalar, other.isScalar, let a = stringForm, let b = other.stringForm { return a == b }
        return false
    }

    /// Whether `text` starts like a decimal number (a cheap test before parsing).
    @inline(__always)
    static func mayBeNumeric(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
    }

    /// Numeric ordering for `lt gt lte gte`: `nil` unless both sides are numbers or numeric
    /// strings. Two integers compare exactly; anything else as doubles.
    func numericCompare(_ other: Value) -> NumericOrder? {
        if case .int(let a) = self, case .int(let b) = other {
            return a < b ? .less : (a == b ? .equal : .greater)
        }
        guard let a = numericValue, let b = other.numericValue else { return nil }
        if a < b { return .less }
        if a == b { return .equal }
        if a > b { return .greater }
        return .unordered
    }
}

/// How two numbers compare; `unordered` when one is NaN.
enum NumericOrder {
    case less, equal, greater, unordered
}
