import WardenValue

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
    /// one to sixteen hex digits. Read as UTF-8 bytes in one pass: every `send` and `link` a Lua
    /// process makes names its destination this way.
    public init?(_ text: String) {
        var text = text
        guard let pid = text.withUTF8({ PID.parse(utf8: $0) }) else { return nil }
        self = pid
    }

    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> PID? {
        let end = bytes.count - 1  // the index of the closing brace
        guard end >= 1, bytes[0] == UInt8(ascii: "{"), bytes[end] == UInt8(ascii: "}") else { return nil }
        var bar = 1
        while bar < end, bytes[bar] != UInt8(ascii: "|") {
            if bytes[bar] == UInt8(ascii: "{") || bytes[bar] == UInt8(ascii: "}") { return nil }
            bar += 1
        }
        // A non-empty host, then `|0x` and one to sixteen digits before the closing brace.
        let firstDigit = bar + 3
        guard bar > 1, firstDigit < end, end - firstDigit <= 16, bytes[bar + 1] == UInt8(ascii: "0"),
            bytes[bar + 2] == UInt8(ascii: "x")
        else { return nil }
        var counter: UInt64 = 0
        for index in firstDigit..<end {
            guard let nibble = bytes[index].hexDigitValue else { return nil }
            counter = counter << 4 | UInt64(nibble)
        }
        let host = String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<bar]), as: UTF8.self)
        return PID(host: host, counter: counter)
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
