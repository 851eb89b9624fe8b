import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension CanonicalScanner {
    // MARK: Containers, checked only

    /// Reads a list of strings, appending their spans to `spans`; returns where they are there.
    mutating func stringSpans(into spans: inout [StringSpan]) throws(NotCanonical) -> Range<Int> {
        let first = spans.count
        try expect(UInt8(ascii: "["))
        if skip(UInt8(ascii: "]")) { return first..<first }
        repeat {
            spans.append(try stringSpan())
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return first..<spans.count
    }

    /// Checks any value; `depth` is the nesting of the container holding it (the top level is 0).
    mutating func skipValue(depth: Int) throws(NotCanonical) {
        guard index < bytes.count else { throw NotCanonical() }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try stringSpan()
        case UInt8(ascii: "{"): _ = try skipMap(depth: depth + 1)
        case UInt8(ascii: "["): try skipList(depth: depth + 1)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: _ = try literal()
        }
    }

    /// Checks a list at nesting `depth` (1 for a top-level list).
    mutating func skipList(depth: Int) throws(NotCanonical) {
        guard depth <= JSONLineParser.maxDepth else { throw NotCanonical() }
        try expect(UInt8(ascii: "["))
        if skip(UInt8(ascii: "]")) { return }
        repeat {
            try skipValue(depth: depth)
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Checks an object with free-form keys at nesting `depth` (1 for a top-level object) and
    /// returns its text's range.
    mutating func skipMap(depth: Int) throws(NotCanonical) -> Range<Int> {
        guard depth <= JSONLineParser.maxDepth else { throw NotCanonical() }
        let start = index
        try expect(UInt8(ascii: "{"))
        if skip(UInt8(ascii: "}")) { return start..<index }
        var previous: Range<Int>? = nil
        var nonASCIIKeys = false
        repeat {
            let (key, ascii) = try keySpan()
            if let previous, !less(previous, key) { throw NotCanonical() }
            previous = key
            nonASCIIKeys = nonASCIIKeys || !ascii
            try skipValue(depth: depth)
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        // Keys distinct in bytes may still be equal as Swift strings (canonical equivalence),
        // which the parser calls duplicates; only keys beyond ASCII can be.
        if nonASCIIKeys {
            var scanner = CanonicalScanner(bytes, at: start)
            _ = try scanner.map(depth: depth)
        }
        return start..<index
    }

    /// Reads `null`, `true` or `false`.
    mutating func literal() throws(NotCanonical) -> Value {
        if skip("null") { return .null }
        if skip("true") { return .bool(true) }
        if skip("false") { return .bool(false) }
        throw NotCanonical()
    }

    // MARK: Values, checked and built

    /// Reads any value; `depth` is the nesting of the container holding it (the top level is 0).
    package mutating func value(depth: Int) throws(NotCanonical) -> Value {
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
    package mutating func list(depth: Int) throws(NotCanonical) -> [Value] {
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
    package mutating func map(depth: Int) throws(NotCanonical) -> [String: Value] {
        guard depth <= JSONLineParser.maxDepth else { throw NotCanonical() }
        try expect(UInt8(ascii: "{"))
        if skip(UInt8(ascii: "}")) { return [:] }
        // Room for six members without growing: most objects of a record are that small.
        var map = [String: Value](minimumCapacity: 6)
        var previous: Range<Int>? = nil
        repeat {
            let (key, _) = try keySpan()
            if let previous, !less(previous, key) { throw NotCanonical() }
            previous = key
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[key]), as: UTF8.self)
            // Distinct bytes, equal strings (canonical equivalence): a duplicate for the parser.
            if map.updateValue(try value(depth: depth), forKey: name) != nil { throw NotCanonical() }
        } while skip(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        return map
    }

    /// Reads `"key":` (no escapes inside) and returns the key's byte range and whether it is
    /// all ASCII.
    private mutating func keySpan() throws(NotCanonical) -> (range: Range<Int>, ascii: Bool) {
        let span = try stringSpan()
        guard !span.escaped else { throw NotCanonical() }
        try expect(UInt8(ascii: ":"))
        var ascii = true
        for i in span.range where bytes[i] >= 0x80 {
            ascii = false
            break
        }
        return (span.range, ascii)
    }

    /// Whether the bytes in `a` come strictly before those in `b` (UTF-8 byte order).
    private func less(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let order = memcmp(base + a.lowerBound, base + b.lowerBound, min(a.count, b.count))
        return order < 0 || (order == 0 && a.count < b.count)
    }
}
