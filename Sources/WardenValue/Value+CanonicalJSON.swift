#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Canonical JSON: the one byte-level encoder behind policy revisions, audit records and the
/// `String` forms. Audit records are encoded per guarded call, so this path avoids temporary
/// arrays and strings: integers are written digit by digit, map keys are ordered through a
/// stack buffer of indices, and strings are copied in runs that need no escape.
extension Value {
    /// The canonical JSON text: keys sorted by their UTF-8 bytes, no insignificant white space,
    /// integers in decimal, floats in shortest round-trip form, non-finite floats as `null`.
    public var canonicalJSON: String {
        var bytes: [UInt8] = []
        writeCanonicalJSON(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of the canonical JSON text (see ``canonicalJSON``) to `out`.
    public func writeCanonicalJSON(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(literal: "null")
        case .bool(let b): out.append(literal: b ? "true" : "false")
        case .int(let i): Value.writeInteger(i, into: &out)
        case .double(let d): out.append(contentsOf: (d.isFinite ? Value.formatDouble(d) : "null").utf8)
        case .string(let s): Value.writeJSONString(s, into: &out)
        case .list(let l):
            out.append(UInt8(ascii: "["))
            for (i, element) in l.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                element.writeCanonicalJSON(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let m): Value.writeCanonicalMap(m, into: &out)
        }
    }

    /// Appends a map as a canonical JSON object, its members ordered by their keys' UTF-8 bytes.
    private static func writeCanonicalMap(_ map: [String: Value], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        withUnsafeTemporaryAllocation(of: Dictionary<String, Value>.Index.self, capacity: map.count) { order in
            var count = 0
            var index = map.startIndex
            while index != map.endIndex {
                order.initializeElement(at: count, to: index)
                count += 1
                map.formIndex(after: &index)
            }
            var members = UnsafeMutableBufferPointer(rebasing: order[..<count])
            if count <= 8 {
                // Insertion sort: records' maps are small, and it compares fewer keys than a merge.
                for i in 1..<max(count, 1) {
                    let current = members[i]
                    var j = i
                    while j > 0, utf8Less(map[current].key, map[members[j - 1]].key) {
                        members[j] = members[j - 1]
                        j -= 1
                    }
                    members[j] = current
                }
            } else {
                members.sort { utf8Less(map[$0].key, map[$1].key) }
            }
            for (i, position) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                let member = map[position]
                writeJSONString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.writeCanonicalJSON(into: &out)
            }
            _ = members.deinitialize()
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Orders strings by their UTF-8 bytes, the order canonical JSON sorts keys in.
    public static func utf8Less(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                let shared = Swift.min(x.count, y.count)
                if shared > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, shared)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        if let fast, let less = fast { return less }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Appends `i` in decimal.
    static func writeInteger(_ i: Int, into out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Appends the UTF-8 bytes of `s` as a JSON string literal: `"` and `\` escaped with a
    /// backslash, `\n \r \t \b \f` for those controls, other controls below U+0020 as `\u00XX`
    /// (lowercase hex), everything else as it is. Runs needing no escape are copied whole.
    public static func writeJSONString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                writeEscape(byte, into: &out)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeEscape(_ byte: UInt8, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22: out.append(UInt8(ascii: "\""))
        case 0x5C: out.append(UInt8(ascii: "\\"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: [
                UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)],
            ])
        }
    }
}
