import WardenValue

/// The YAML 1.2 core schema: how plain scalars and core-tagged scalars become values.
///
/// `yes`, `no`, `on`, `off`, `y`, `n` are strings (they were booleans only in YAML 1.1).
public enum CoreSchema {
    /// Resolves a plain (unquoted, untagged) scalar: null, bool, int, float, else string.
    /// An integer outside the 64-bit range stays a string, so no digit is silently lost.
    public static func resolvePlain(_ text: String) -> Value {
        if isNull(text) { return .null }
        if let b = bool(text) { return .bool(b) }
        if isIntLiteral(text) { return int(text).map(Value.int) ?? .string(text) }
        if let d = float(text) { return .double(d) }
        return .string(text)
    }

    /// Whether `text` is a core-schema null: `null`, `Null`, `NULL`, `~` or empty.
    public static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    /// The core-schema boolean `text` spells (`true`/`True`/`TRUE`, `false`/`False`/`FALSE`).
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// Whether `text` has the form of a core-schema integer: `[-+]?[0-9]+`, `0o[0-7]+` or
    /// `0x[0-9a-fA-F]+`, whatever its magnitude.
    public static func isIntLiteral(_ text: String) -> Bool {
        let u = Array(text.utf8)
        if u.count > 2, u[0] == UInt8(ascii: "0") {
            if u[1] == UInt8(ascii: "o") { return u[2...].allSatisfy(isOctal) }
            if u[1] == UInt8(ascii: "x") { return u[2...].allSatisfy(isHex) }
        }
        let digits = u.first.map(isSign) == true ? u.dropFirst() : u[...]
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// The integer `text` spells in the core schema, `nil` when it is not an integer literal or
    /// does not fit 64 bits.
    public static func int(_ text: String) -> Int? {
        guard isIntLiteral(text) else { return nil }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        return Int(text)
    }

    /// The float `text` spells in the core schema: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
    /// `[-+]?.inf` (any of `.inf`, `.Inf`, `.INF`) or `.nan` (`.NaN`, `.NAN`). Integers match too.
    /// Exponents beyond the double range give an infinity, as in every IEEE parser.
    public static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard isFloatLiteral(Array(text.utf8)) else { return nil }
        return Double(text)
    }

    private static func isFloatLiteral(_ u: [UInt8]) -> Bool {
        var i = 0
        if i < u.count, isSign(u[i]) { i += 1 }
        let intStart = i
        while i < u.count, isDigit(u[i]) { i += 1 }
        let intDigits = i - intStart
        var fracDigits = 0
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        // `.5` and `1.` are floats, `.` alone is not.
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, isSign(u[i]) { i += 1 }
            let expStart = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            guard i > expStart else { return false }
        }
        return i == u.count
    }

    private static func isSign(_ c: UInt8) -> Bool { c == UInt8(ascii: "+") || c == UInt8(ascii: "-") }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isOctal(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "7") }
    private static func isHex(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }
}
