/// A process id: the host a process runs on and a per-host counter that is never reused.
///
/// The string form is `{app:processes|0x0000002a}` (host, `|`, `0x` and at least eight lowercase
/// hex digits). Policies match this string, so it is also the `Codable` form.
public struct PID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The host id, e.g. `app:processes`.
    public let host: String
    /// The per-host counter; the first process on a host gets 1.
    public let counter: UInt64

    /// Creates a PID from its parts.
    public init(host: String, counter: UInt64) {
        self.host = host
        self.counter = counter
    }

    /// The string form, e.g. `{app:processes|0x0000002a}`.
    ///
    /// Built in one allocation: the gateway writes PIDs into every check and audit record.
    public var description: String {
        var digits = 8
        while digits < 16, counter >> (4 * UInt64(digits)) != 0 { digits += 1 }
        var host = host
        return host.withUTF8 { hostBytes in
            String(unsafeUninitializedCapacity: hostBytes.count + digits + 5) { buffer in
                buffer[0] = UInt8(ascii: "{")
                var index = 1
                for byte in hostBytes {
                    buffer[index] = byte
                    index += 1
                }
                buffer[index] = UInt8(ascii: "|")
                buffer[index + 1] = UInt8(ascii: "0")
                buffer[index + 2] = UInt8(ascii: "x")
                index += 3
                for position in stride(from: digits - 1, through: 0, by: -1) {
                    let nibble = UInt8(truncatingIfNeeded: counter >> (4 * UInt64(position))) & 0xF
                    buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                    index += 1
                }
                buffer[index] = UInt8(ascii: "}")
                return index + 1
            }
        }
    }

    /// Parses the string form; `nil` when `text` is not a well-formed PID.
    ///
    /// The host must be non-empty and free of `|`, `{` and `}`; the counter is `0x` followed by
    /// one to sixteen hex digits.
    public init?(_ text: String) {
        guard text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 else { return nil }
        let inner = text.dropFirst().dropLast()
        guard let bar = inner.firstIndex(of: "|") else { return nil }
        let host = inner[..<bar]
        let number = inner[inner.index(after: bar)...]
        guard !host.isEmpty, !host.contains(where: { $0 == "{" || $0 == "}" }) else { return nil }
        guard number.hasPrefix("0x") else { return nil }
        let digits = number.dropFirst(2)
        guard (1...16).contains(digits.count), digits.allSatisfy(\.isHexDigit),
            let value = UInt64(digits, radix: 16)
        else { return nil }
        self.init(host: String(host), counter: value)
    }

    /// Parses the string form or throws `INVALID` with code `malformed-pid`.
    public static func parse(_ text: String) throws(ProcessError) -> PID {
        guard let pid = PID(text) else {
            throw ProcessError(
                .invalid, "malformed pid `\(text)`; hint: a pid looks like `{app:processes|0x0000002a}`",
                code: "malformed-pid")
        }
        return pid
    }

    /// Compares the counter first: it tells most PIDs apart without reading the host.
    public static func == (lhs: PID, rhs: PID) -> Bool {
        lhs.counter == rhs.counter && lhs.host == rhs.host
    }

    /// Hashes the counter only (equal PIDs have equal counters), which keeps process-table
    /// lookups from hashing the host string; PIDs of different hosts may share a hash.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(counter)
    }

    /// A multiplicative hash of the counter for `Set` and `Dictionary`, cheaper than SipHash.
    /// Counters are handed out by the runtime, never chosen by callers, so a keyed hash buys
    /// no protection here; consecutive counters land in distinct buckets.
    public func _rawHashValue(seed: Int) -> Int {
        let mixed = (counter ^ UInt64(truncatingIfNeeded: seed)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
    }

    /// Orders by host, then counter.
    public static func < (lhs: PID, rhs: PID) -> Bool {
        lhs.host == rhs.host ? lhs.counter < rhs.counter : lhs.host < rhs.host
    }

    /// Decodes the string form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let pid = PID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "malformed pid `\(text)`")
        }
        self = pid
    }

    /// Encodes the string form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
