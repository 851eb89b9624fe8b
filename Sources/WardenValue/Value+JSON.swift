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

    /// Parses JSON text into a value, strictly (RFC 8259: no trailing commas, no duplicate keys,
    /// nesting at most 64 deep). Whole numbers become `.int` (`1`, `1.0`, `1e2`, `-0`) when they
    /// fit 64 bits, other numbers `.double`, as the `Decodable` conformance reads them.
    /// - Throws: `ValueJSONError.invalid` saying what is wrong and where (line and column).
    public init(json text: String) throws(ValueJSONError) {
        do {
            self = try JSONLineParser.parse(text, wholeNumbersAsIntegers: true)
        } catch {
            throw .invalid("\(error.message) at \(Value.position(ofByte: error.column, in: text))")
        }
    }

    /// Parses JSON bytes into a value as ``init(json:)`` does; the bytes need not be valid UTF-8
    /// (an invalid byte is named in the error, where a `String` would have replaced it).
    /// - Throws: `JSONParseError` with the message and the 1-based byte column.
    package init(jsonBytes bytes: [UInt8]) throws(JSONParseError) {
        self = try JSONLineParser.parse(bytes, wholeNumbersAsIntegers: true)
    }

    /// `line L, column C` of the 1-based byte offset `byte` in `text` (columns count bytes).
    private static func position(ofByte byte: Int, in text: String) -> String {
        var line = 1
        var lineStart = 0
        for (offset, c) in text.utf8.prefix(max(0, byte - 1)).enumerated() where c == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        return "line \(line), column \(byte - lineStart)"
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
