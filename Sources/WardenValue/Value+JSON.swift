import Foundation

extension Value: Codable {
    /// Decodes any JSON value. Whole numbers become `.int`, other numbers `.double`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let l = try? container.decode([Value].self) {
            self = .list(l)
        } else if let m = try? container.decode([String: Value].self) {
            self = .map(m)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a JSON value")
        }
    }

    /// Encodes the value as the matching JSON value (non-finite doubles as `null`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d):
            if d.isFinite { try container.encode(d) } else { try container.encodeNil() }
        case .string(let s): try container.encode(s)
        case .list(let l): try container.encode(l)
        case .map(let m): try container.encode(m)
        }
    }

    /// Parses JSON text into a value.
    /// - Throws: `ValueJSONError.invalid` with the decoder's explanation when the text is not JSON.
    public init(json text: String) throws(ValueJSONError) {
        do {
            self = try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw .invalid(Value.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey]
            return (underlying as? String) ?? context.debugDescription
        }
        return String(describing: error)
    }

    /// The canonical JSON text: keys sorted by their UTF-8 bytes, no insignificant white space,
    /// integers in decimal, floats in shortest round-trip form, non-finite floats as `null`.
    public var canonicalJSON: String {
        var out = ""
        writeCanonicalJSON(into: &out)
        return out
    }

    /// Appends the canonical JSON text (see ``canonicalJSON``) to `out`.
    public func writeCanonicalJSON(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? Value.formatDouble(d) : "null"
        case .string(let s): Value.writeJSONString(s, into: &out)
        case .list(let l):
            out += "["
            for (i, element) in l.enumerated() {
                if i > 0 { out += "," }
                element.writeCanonicalJSON(into: &out)
            }
            out += "]"
        case .map(let m):
            out += "{"
            for (i, key) in m.keys.sorted(by: Value.utf8Less).enumerated() {
                if i > 0 { out += "," }
                Value.writeJSONString(key, into: &out)
                out += ":"
                m[key]!.writeCanonicalJSON(into: &out)  // key comes from m.keys
            }
            out += "}"
        }
    }

    /// Orders strings by their UTF-8 bytes, the order canonical JSON sorts keys in.
    public static func utf8Less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Appends `s` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func writeJSONString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings (ids, PIDs, actions, hashes) need no escape: append them whole, which
        // copies their bytes at once instead of appending one scalar at a time.
        guard needsJSONEscape(s) else {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension Value {
    /// Whether a UTF-8 byte must be escaped in a JSON string: a quote, a backslash or a
    /// control character (bytes of multi-byte scalars are all >= 0x80, so never match).
    @inline(__always)
    static func needsJSONEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any byte of `s` must be escaped, scanning its UTF-8 storage directly.
    static func needsJSONEscape(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsJSONEscape) }
            ?? s.utf8.contains(where: needsJSONEscape)
    }
}

/// Why JSON text could not be read as a ``Value``.
public enum ValueJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not valid JSON; the associated text explains where.
    case invalid(String)

    /// A lowercase message for users.
    public var description: String {
        switch self {
        case .invalid(let why): "invalid JSON: \(why)"
        }
    }
}

extension Value {
    /// The length in bytes of the value's canonical JSON text (see ``canonicalJSON``), counted
    /// without building the text for strings, lists and maps. Audit records use it to report
    /// payload sizes without writing payloads.
    public var canonicalJSONByteCount: Int {
        switch self {
        case .null: return 4
        case .bool(let b): return b ? 4 : 5
        case .int, .double: return canonicalJSON.utf8.count
        case .string(let s): return Value.jsonStringByteCount(s)
        case .list(let l):
            return 2 + max(0, l.count - 1) + l.reduce(0) { $0 + $1.canonicalJSONByteCount }
        case .map(let m):
            return 2 + max(0, m.count - 1)
                + m.reduce(0) { $0 + Value.jsonStringByteCount($1.key) + 1 + $1.value.canonicalJSONByteCount }
        }
    }

    private static func jsonStringByteCount(_ s: String) -> Int {
        guard needsJSONEscape(s) else { return 2 + s.utf8.count }
        var count = 2
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}": count += 2
            default:
                if scalar.value < 0x20 {
                    count += 6
                } else {
                    count += UTF8.width(scalar)
                }
            }
        }
        return count
    }
}
