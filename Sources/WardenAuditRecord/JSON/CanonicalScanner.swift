import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes are not exactly what the canonical encoder writes (or not JSON at all); the caller
/// falls back to ``JSONLineParser`` and re-encoding, which say what is wrong.
package struct NotCanonical: Error {}

/// A string of a line: the bytes between its quotes, valid UTF-8 in canonical form, and whether
/// an escape is among them (if not, the bytes are the string's).
package struct StringSpan: Hashable {
    /// The bytes between the quotes.
    package var range: Range<Int>
    /// Whether the bytes hold an escape.
    package var escaped: Bool
}

/// Reads JSON that must be in canonical form, exactly as `Value.writeCanonicalJSON` writes it,
/// checking the form while it reads instead of re-encoding afterwards.
///
/// Accepted, and nothing else: no white space; object keys strictly increasing in UTF-8 byte
/// order (which also rules out duplicates) and written without escapes; strings escaped as
/// `Value.writeJSONString` escapes them (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, other controls
/// as lowercase `\u00xx`, nothing else escaped) and valid UTF-8; integers in plain decimal; other
/// numbers in `Value.formatDouble`'s form; nesting at most ``JSONLineParser/maxDepth`` deep.
/// Whatever it accepts, ``JSONLineParser`` parses to the same value and that value encodes back
/// to the same bytes; anything else throws ``NotCanonical`` (a key written with an escape too,
/// although it could be canonical: the full parser decides those).
///
/// The `skip...` and `...Span` methods only check; `string()`, `value(depth:)` and
/// `map(depth:)` check and build the value.
package struct CanonicalScanner {
    /// The bytes being read.
    package let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    package var index: Int

    /// A scanner at `index` (the start by default) of `bytes`.
    package init(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    /// Whether every byte was read.
    var atEnd: Bool { index == bytes.count }

    /// Reads `byte`.
    @inline(__always)
    mutating func expect(_ byte: UInt8) throws(NotCanonical) {
        guard index < bytes.count, bytes[index] == byte else { throw NotCanonical() }
        index += 1
    }

    /// Reads `byte` if it comes next.
    @inline(__always)
    package mutating func skip(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads the exact bytes of `text` (a key with its punctuation, such as `,"seq":`).
    @inline(__always)
    mutating func expect(_ text: StaticString) throws(NotCanonical) {
        guard matches(text) else { throw NotCanonical() }
        index += text.utf8CodeUnitCount
    }

    /// Reads the exact bytes of `text` if they come next.
    @inline(__always)
    package mutating func skip(_ text: StaticString) -> Bool {
        guard matches(text) else { return false }
        index += text.utf8CodeUnitCount
        return true
    }

    @inline(__always)
    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard count <= bytes.count - index, let base = bytes.baseAddress else { return false }
        return memcmp(base + index, text.utf8Start, count) == 0
    }

    // MARK: Strings

    /// Reads a string, checking its form, and returns where its bytes are.
    mutating func stringSpan() throws(NotCanonical) -> StringSpan {
        try expect(UInt8(ascii: "\""))
        let start = index
        var escaped = false
        guard let base = bytes.baseAddress else { throw NotCanonical() }
        while true {
            // Plain ASCII eight bytes at a time; the byte that stops it is looked at below.
            while index + 8 <= bytes.count,
                !Self.needsLook(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
            }
            guard index < bytes.count else { throw NotCanonical() }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                index += 1
                return StringSpan(range: start..<(index - 1), escaped: escaped)
            } else if c == UInt8(ascii: "\\") {
                try skipEscape()
                escaped = true
            } else if c < 0x20 {
                throw NotCanonical()
            } else if c < 0x80 {
                index += 1
            } else {
                index = try UTF8Check.sequenceEnd(bytes, at: index)
            }
        }
    }

    /// Whether any of the eight bytes in `word` is `"`, `\`, a control (below 0x20) or not
    /// ASCII (0x80 and above): the bytes a string scan must look at one by one. Exact, with no
    /// false negatives (the classic "has a byte less than n" bit tricks).
    @inline(__always)
    private static func needsLook(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        return (word | control | zeroQuote | zeroBackslash) & highs != 0
    }

    /// Reads `null` or a string.
    mutating func nullableStringSpan() throws(NotCanonical) -> StringSpan? {
        if skip("null") { return nil }
        return try stringSpan()
    }

    /// Reads one escape, which must be the one the encoder writes for a character that needs it:
    /// `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, or `\u0000` ... `\u001f` (lowercase) for the
    /// other controls.
    private mutating func skipEscape() throws(NotCanonical) {
        guard index + 1 < bytes.count else { throw NotCanonical() }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
            UInt8(ascii: "b"), UInt8(ascii: "f"):
            index += 2
        case UInt8(ascii: "u"):
            guard index + 6 <= bytes.count, bytes[index + 2] == UInt8(ascii: "0"),
                bytes[index + 3] == UInt8(ascii: "0"),
                let code = Self.controlCode(bytes[index + 4], bytes[index + 5])
            else { throw NotCanonical() }
            switch code {
            case 0x08, 0x09, 0x0A, 0x0C, 0x0D: throw NotCanonical()
            default: index += 6
            }
        default:
            throw NotCanonical()
        }
    }

    /// The control character of `\u00` followed by `high` and `low` in lowercase hex, when it is one.
    private static func controlCode(_ high: UInt8, _ low: UInt8) -> UInt8? {
        guard high == UInt8(ascii: "0") || high == UInt8(ascii: "1") else { return nil }
        switch low {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return (high - UInt8(ascii: "0")) << 4 | (low - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"):
            return (high - UInt8(ascii: "0")) << 4 | (low - UInt8(ascii: "a") + 10)
        default: return nil
        }
    }

    /// The string a span of these bytes stands for.
    package func string(_ span: StringSpan) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[span.range])
        guard span.escaped else { return String(decoding: raw, as: UTF8.self) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        Self.appendDecoded(raw, to: &decoded)
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Appends the bytes of the string whose canonical text (between the quotes) is `raw`.
    package static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var i = 0
        while i < raw.count {
            let c = raw[i]
            guard c == UInt8(ascii: "\\"), i + 1 < raw.count else {
                out.append(c)
                i += 1
                continue
            }
            switch raw[i + 1] {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                if i + 5 < raw.count, let code = controlCode(raw[i + 4], raw[i + 5]) { out.append(code) }
                i += 6
                continue
            case let other: out.append(other)  // `"` and `\`
            }
            i += 2
        }
    }

    /// Reads and decodes a string.
    package mutating func string() throws(NotCanonical) -> String {
        string(try stringSpan())
    }

    // MARK: Numbers

    /// Reads an integer in plain decimal that fits 64 bits (not `-0`, which is a float).
    package mutating func int() throws(NotCanonical) -> Int {
        guard case .int(let i) = try number() else { throw NotCanonical() }
        return i
    }

    /// Reads a number: `.int` for an integer that fits 64 bits (except `-0`), `.double`
    /// otherwise, exactly as ``JSONLineParser`` reads it; the text must be the encoder's.
    package mutating func number() throws(NotCanonical) -> Value {
        let start = index
        let negative = skip(UInt8(ascii: "-"))
        guard index < bytes.count else { throw NotCanonical() }
        var integer = 0
        var overflow = false
        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int(bytes[index] - UInt8(ascii: "0"))
                let (m, o1) = integer.multipliedReportingOverflow(by: 10)
                let (a, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
                overflow = overflow || o1 || o2
                integer = a
                index += 1
            }
        } else {
            throw NotCanonical()
        }
        if index < bytes.count {
            // A digit after a leading zero is not JSON; the encoder never writes an exponent.
            let next = bytes[index]
            if isDigit(next) || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { throw NotCanonical() }
        }
        let fraction = index < bytes.count && bytes[index] == UInt8(ascii: ".")
        if !fraction, !overflow, !(negative && integer == 0) {
            return .int(integer)
        }
        if fraction {
            index += 1
            let digitsStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart else { throw NotCanonical() }
        }
        // Floats are rare in records: compare with the encoder's own output for the value.
        let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard let d = Double(String(decoding: text, as: UTF8.self)), d.isFinite,
            Value.formatDouble(d).utf8.elementsEqual(text)
        else { throw NotCanonical() }
        return .double(d)
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
