extension Value {
    /// The number this value stands for: ints and doubles, and strings that are decimal numbers.
    ///
    /// A numeric string is an optional sign, digits with an optional fraction (or a fraction
    /// alone) and an optional exponent: `"42"`, `"-1.5"`, `".5"`, `"1e3"`. No white space is
    /// trimmed (`" 1"` is not numeric), and `"inf"`, `"nan"`, hex and `"1_000"` are not numbers.
    /// Booleans are never numeric.
    public var numericValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s): return Value.parseDecimal(s)
        default: return nil
        }
    }

    /// Parses a strict decimal number literal (see ``numericValue``); `nil` for anything else.
    public static func parseDecimal(_ text: String) -> Double? {
        var utf8 = text.utf8[...]
        guard !utf8.isEmpty else { return nil }
        if let first = utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            utf8 = utf8.dropFirst()
        }
        var intDigits = 0
        while let c = utf8.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            intDigits += 1
            utf8 = utf8.dropFirst()
        }
        var fracDigits = 0
        if utf8.first == UInt8(ascii: ".") {
            utf8 = utf8.dropFirst()
            while let c = utf8.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                fracDigits += 1
                utf8 = utf8.dropFirst()
            }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if let e = utf8.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            utf8 = utf8.dropFirst()
            if let s = utf8.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
                utf8 = utf8.dropFirst()
            }
            var expDigits = 0
            while let c = utf8.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                expDigits += 1
                utf8 = utf8.dropFirst()
            }
            guard expDigits > 0 else { return nil }
        }
        guard utf8.isEmpty else { return nil }
        return Double(text)
    }

    /// The spec's string form of a scalar: strings as they are, `true`/`false`, integers in
    /// decimal, floats in shortest round-trip form without an exponent, `nil` for null.
    /// Lists and maps have no string form (`nil`).
    public var stringForm: String? {
        switch self {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.formatDouble(d)
        case .string(let s): return s
        case .list, .map: return nil
        }
    }

    /// Formats a double in its shortest round-trip digits, written out without an exponent
    /// (`1e+20` -> `100000000000000000000`, `1e-7` -> `0.0000001`, `2.0` -> `2`).
    /// Non-finite values are `NaN`, `+Inf` and `-Inf`.
    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "+Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let shortest = "\(d)"  // Swift prints the shortest round-trip digits
        var negative = false
        var body = Substring(shortest)
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        var exponent = 0
        if let eIndex = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(body[body.index(after: eIndex)...]) ?? 0
            body = body[..<eIndex]
        }
        var intPart = body
        var fracPart: Substring = ""
        if let dot = body.firstIndex(of: ".") {
            intPart = body[..<dot]
            fracPart = body[body.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var pointPosition = intPart.count + exponent
        // Strip leading zeros while keeping the point position right.
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        var result: String
        if pointPosition <= 0 {
            result = "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result = digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let idx = digits.index(digits.startIndex, offsetBy: pointPosition)
            result = String(digits[..<idx]) + "." + String(digits[idx...])
        }
        if result.contains(".") {
            while result.hasSuffix("0") { result.removeLast() }
            if result.hasSuffix(".") { result.removeLast() }
        }
        return negative ? "-" + result : result
    }
}
