#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WardenValue

/// The bytes are not exactly what the canonical encoder writes (or not JSON at all); the caller
/// falls back to ``JSONLineParser`` and re-encoding, which say what is wrong.
struct NotCanonical: Error {}

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
/// although it could be canonical: the slow path decides those).
struct CanonicalScanner {
    /// The bytes being read.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index = 0

    /// A scanner at the start of `bytes`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
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
    mutating func skip(_ byte: UInt8) -> Bool {
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
    mutating func skip(_ text: StaticString) -> Bool {
        guard matches(text) else { return false }
        index += text.utf8CodeUnitCount
        return true
    }

    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard count <= bytes.count - index, let base = bytes.baseAddress else { return false }
        return memcmp(base + index, text.utf8Start, count) == 0
    }

    // MARK: Scalars

    /// Reads `null`, `true` or `false`.
    mutating func literal() throws(NotCanonical) -> Value {
        if skip("null") { return .null }
        if skip("true") { return .bool(true) }
        if skip("false") { return .bool(false) }
        throw NotCanonical()
    }

    /// Reads a string.
    mutating func string() throws(NotCanonical) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) else {
                    throw NotCanonical()
                }
                index += 1
                return s
            }
            if c == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if c < 0x20 { throw NotCanonical() }
            index += 1
        }
        throw NotCanonical()
    }

    /// Reads `null` or a string.
    mutating func stringOrNull() throws(NotCanonical) -> String? {
        if skip("null") { return nil }
        return try string()
    }

    /// The rest of a string holding escapes, each of which must be the one the encoder writes
    /// for a character that needs it.
    private mutating func escapedString(from start: Int) throws(NotCanonical) -> String {
        var decoded = Array(bytes[start..<index])
        while index < bytes.count {
            let c = bytes[index]
            index += 1
            if c == UInt8(ascii: "\"") {
                guard let s = String(validating: decoded, as: UTF8.self) else { throw NotCanonical() }
                return s
            }
            if c < 0x20 { throw NotCanonical() }
            guard c == UInt8(ascii: "\\") else {
                decoded.append(c)
                continue
            }
            guard index < bytes.count else { throw NotCanonical() }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): decoded.append(0x22)
            case UInt8(ascii: "\\"): decoded.append(0x5C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "u"):
                // Only controls without a short escape, in lowercase hex: `\u0000` ... `\u001f`.
                guard skip("00"), index + 2 <= bytes.count else { throw NotCanonical() }
                let high = bytes[index]
                let low = bytes[index + 1]
                index += 2
                guard high == UInt8(ascii: "0") || high == UInt8(ascii: "1") else { throw NotCanonical() }
                let lowValue: UInt8
                switch low {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): lowValue = low - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): lowValue = low - UInt8(ascii: "a") + 10
                default: throw NotCanonical()
                }
                let code = (high - UInt8(ascii: "0")) << 4 | lowValue
                switch code {
                case 0x08, 0x09, 0x0A, 0x0C, 0x0D: throw NotCanonical()
                default: decoded.append(code)
                }
            default:
                throw NotCanonical()
            }
        }
        throw NotCanonical()
    }

    /// Reads an integer in plain decimal that fits 64 bits (not `-0`, which is a float).
    mutating func int() throws(NotCanonical) -> Int {
        guard case .int(let i) = try number() else { throw NotCanonical() }
        return i
    }

    /// Reads a number: `.int` for an integer that fits 64 bits (except `-0`), `.double`
    /// otherwise, exactly as ``JSONLineParser`` reads it; the text must be the encoder's.
    mutating func number() throws(NotCanonical) -> Value {
        let start = index
        let negative = skip(UInt8(ascii: "-"))
        guard index < bytes.count else { throw NotCanonical() }
        var integer = 0
        var overflow = false
        let first = bytes[index]
        if first == UInt8(ascii: "0") {
            index += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
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
        let fraction = index < bytes.count && bytes[index] == UInt8(ascii: ".")
        if !fraction, !overflow, !(negative && integer == 0) {
            // A digit after a leading zero is not JSON; `e` never comes out of the encoder.
            if index < bytes.count, bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") || bytes[index] | 0x20 == UInt8(ascii: "e") {
                throw NotCanonical()
            }
            return .int(integer)
        }
        if fraction {
            index += 1
            let digitsStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > digitsStart else { throw NotCanonical() }
        }
        // Floats are rare in records: compare with the encoder's own output for the value.
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
        guard let d = Double(String(decoding: slice, as: UTF8.self)), d.isFinite,
            Value.formatDouble(d).utf8.elementsEqual(slice)
        else { throw NotCanonical() }
        return .double(d)
    }

    // MARK: Containers

    /// Reads a list of strings.
    mutating func strings() throws(NotCanonical) -> [String] {
        try expect(UInt8(ascii: "["))
        var list: [String] = []
        if skip(UInt8(ascii: "]")) { return list }
        repeat {
            list.append(try string())
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return list
    }

    /// Reads any value; `depth` is the nesting of the container holding it (the top level is 0).
    mutating func value(depth: Int) throws(NotCanonical) -> Value {
        guard index < bytes.count else { throw NotCanonical() }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "{"): return .map(try map(depth: depth + 1))
        case UInt8(ascii: "["): return .list(try list(depth: depth + 1))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: return try literal()
        }
    }

    /// Reads a list at nesting `depth` (1 for a top-level list).
    mutating func list(depth: Int) throws(NotCanonical) -> [Value] {
        guard depth <= JSONLineParser.maxDepth else { throw NotCanonical() }
        try expect(UInt8(ascii: "["))
        var list: [Value] = []
        if skip(UInt8(ascii: "]")) { return list }
        repeat {
            list.append(try value(depth: depth))
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return list
    }

    /// Reads an object with free-form keys at nesting `depth` (1 for a top-level object).
    mutating func map(depth: Int) throws(NotCanonical) -> [String: Value] {
        guard depth <= JSONLineParser.maxDepth else { throw NotCanonical() }
        try expect(UInt8(ascii: "{"))
        var map: [String: Value] = [:]
        if skip(UInt8(ascii: "}")) { return map }
        var previous: Range<Int>? = nil
        repeat {
            let keyRange = try key()
            if let previous, !Self.less(bytes, previous, keyRange) { throw NotCanonical() }
            previous = keyRange
            guard let key = String(validating: UnsafeBufferPointer(rebasing: bytes[keyRange]), as: UTF8.self) else {
                throw NotCanonical()
            }
            // Keys distinct in bytes may still be equal as Swift strings (canonical equivalence);
            // the parser calls that a duplicate, so leave it to the slow path.
            if map.updateValue(try value(depth: depth), forKey: key) != nil { throw NotCanonical() }
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        return map
    }

    /// Reads `"key":` (no escapes inside) and returns the key's byte range.
    private mutating func key() throws(NotCanonical) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                try expect(UInt8(ascii: ":"))
                return range
            }
            if c == UInt8(ascii: "\\") || c < 0x20 { throw NotCanonical() }
            index += 1
        }
        throw NotCanonical()
    }

    /// Whether the bytes in `a` come strictly before those in `b` (UTF-8 byte order).
    private static func less(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let common = min(a.count, b.count)
        let order = memcmp(base + a.lowerBound, base + b.lowerBound, common)
        return order < 0 || (order == 0 && a.count < b.count)
    }
}
