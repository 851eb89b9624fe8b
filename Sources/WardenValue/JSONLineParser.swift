/// A strict RFC 8259 parser from UTF-8 bytes to ``Value``: audit lines, JSON arguments and
/// request lines are read with it.
///
/// Rejects duplicate keys, invalid UTF-8, lone surrogates, raw control characters in strings,
/// trailing content and nesting deeper than ``maxDepth``. Integers that fit 64 bits become
/// `.int` (except `-0`, kept as the double `-0.0` so it writes back as `-0`); other numbers
/// become `.double`. With `wholeNumbersAsIntegers`, every whole number that fits 64 bits becomes
/// `.int` (`1.0`, `1e2`, `-0`) and a number too large for a double is an error, as
/// `Value(json:)` reads JSON.
package struct JSONLineParser {
    /// The deepest nesting of lists and objects accepted.
    package static let maxDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private let wholeNumbersAsIntegers: Bool
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, wholeNumbersAsIntegers: Bool) {
        self.bytes = bytes
        self.wholeNumbersAsIntegers = wholeNumbersAsIntegers
    }

    /// Parses one JSON text.
    package static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, wholeNumbersAsIntegers: Bool = false
    ) throws(JSONParseError) -> Value {
        var parser = JSONLineParser(bytes, wholeNumbersAsIntegers: wholeNumbersAsIntegers)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw parser.error("unexpected `\(printable(bytes[parser.index]))` after the JSON value")
        }
        return value
    }

    /// Parses one JSON text from bytes.
    package static func parse(_ bytes: [UInt8], wholeNumbersAsIntegers: Bool = false) throws(JSONParseError) -> Value {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> Value in
                try parse(buffer, wholeNumbersAsIntegers: wholeNumbersAsIntegers)
            }
        }
        return try result.get()
    }

    /// Parses one JSON text from a string.
    package static func parse(_ text: String, wholeNumbersAsIntegers: Bool = false) throws(JSONParseError) -> Value {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONParseError) -> Value in
                try parse(buffer, wholeNumbersAsIntegers: wholeNumbersAsIntegers)
            }
        }
        return try result.get()
    }

    private func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, column: index + 1)
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONParseError) {
        guard peek == byte else { throw error("expected \(what)") }
        index += 1
    }

    private mutating func parseValue() throws(JSONParseError) -> Value {
        guard let c = peek else { throw error("unexpected end of input") }
        switch c {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character `\(Self.printable(c))`")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: Value) throws(JSONParseError) -> Value {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of input") }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] {
            throw error("invalid literal, expected `\(word)`")
        }
        index += count
        return value
    }

    private mutating func nest() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> Value {
        try nest()
        index += 1
        // Most objects of requests and records hold a few keys: start small, grow when needed.
        var map: [String: Value] = Dictionary(minimumCapacity: 4)
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .map(map)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let keyStart = index
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "`:` after an object key")
            skipWhitespace()
            let value = try parseValue()
            if map.updateValue(value, forKey: key) != nil {
                index = keyStart
                throw error("duplicate key \(UserText.quoted(key))")
            }
            skipWhitespace()
            guard let c = peek else { throw error("unexpected end of input in an object") }
            index += 1
            if c == UInt8(ascii: "}") { break }
            guard c == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected `,` or `}` in an object")
            }
        }
        depth -= 1
        return .map(map)
    }

    private mutating func parseArray() throws(JSONParseError) -> Value {
        try nest()
        index += 1
        var list: [Value] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .list(list)
        }
        while true {
            skipWhitespace()
            list.append(try parseValue())
            skipWhitespace()
            guard let c = peek else { throw error("unexpected end of input in a list") }
            index += 1
            if c == UInt8(ascii: "]") { break }
            guard c == UInt8(ascii: ",") else {
                index -= 1
                throw error("expected `,` or `]` in a list")
            }
        }
        depth -= 1
        return .list(list)
    }

    private mutating func parseString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes. ASCII needs no validation, so only other text is validated.
        var ascii = true
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let s = String(validating: slice, as: UTF8.self) else { throw invalidUTF8(from: start) }
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw error("control character in a string, it must be escaped") }
            if c >= 0x80 { ascii = false }
            index += 1
        }
        var scalarsBytes = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if c < 0x20 { throw error("control character in a string, it must be escaped") }
            if c != UInt8(ascii: "\\") {
                scalarsBytes.append(c)
                index += 1
                continue
            }
            index += 1
            guard let e = peek else { throw error("unterminated escape") }
            index += 1
            switch e {
            case UInt8(ascii: "\""): scalarsBytes.append(0x22)
            case UInt8(ascii: "\\"): scalarsBytes.append(0x5C)
            case UInt8(ascii: "/"): scalarsBytes.append(0x2F)
            case UInt8(ascii: "b"): scalarsBytes.append(0x08)
            case UInt8(ascii: "f"): scalarsBytes.append(0x0C)
            case UInt8(ascii: "n"): scalarsBytes.append(0x0A)
            case UInt8(ascii: "r"): scalarsBytes.append(0x0D)
            case UInt8(ascii: "t"): scalarsBytes.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code) {
                    guard peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error("lone surrogate in a \\u escape")
                    }
                    index += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("lone surrogate in a \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(code) {
                    throw error("lone surrogate in a \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
                scalarsBytes.append(contentsOf: scalar.utf8)
            default:
                index -= 1
                throw error("invalid escape `\\\(Self.printable(e))`")
            }
        }
        guard let s = String(validating: scalarsBytes, as: UTF8.self) else { throw invalidUTF8(from: start) }
        return s
    }

    /// The error for the first byte of invalid UTF-8 at or after `start`, placed at that byte
    /// and naming it (`\xff`). Escapes are ASCII, so the raw bytes hold the invalid sequence.
    private mutating func invalidUTF8(from start: Int) -> JSONParseError {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes[start...].makeIterator()
        var offset = start
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        index = min(offset, bytes.count - 1)
        return error("invalid UTF-8 byte `\(Self.printable(bytes[index]))` in a string")
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = bytes[index].hexDigitValue else { throw error("invalid hex digit in a \\u escape") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> Value {
        let start = index
        var negative = false
        if peek == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard let first = peek, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else {
            throw error("expected a digit")
        }
        var integer: Int64 = 0
        var overflow = false
        if first == UInt8(ascii: "0") {
            index += 1
            if let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { throw error("leading zero in a number") }
        } else {
            while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                let digit = Int64(c - UInt8(ascii: "0"))
                let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                let (a, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                integer = a
                index += 1
            }
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard digits() > 0 else { throw error("expected a digit after `.`") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        if isInteger, !overflow, !(negative && integer == 0) {
            return .int(Int(integer))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let d = Double(text) else { throw error("invalid number") }
        if wholeNumbersAsIntegers {
            guard d.isFinite else {
                index = start
                throw error("a number is too large for a 64-bit float")
            }
            if let whole = Int(exactly: d) { return .int(whole) }
        }
        return .double(d)
    }

    private mutating func digits() -> Int {
        var count = 0
        while let c = peek, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
            index += 1
            count += 1
        }
        return count
    }

    private static func printable(_ c: UInt8) -> String {
        c >= 0x20 && c < 0x7F ? String(UnicodeScalar(c)) : "\\x" + (c < 0x10 ? "0" : "") + String(c, radix: 16)
    }
}
