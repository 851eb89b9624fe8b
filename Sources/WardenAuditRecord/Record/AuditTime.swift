import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time with microsecond precision, written as RFC 3339 UTC
/// (`2025-03-01T12:00:00.000123Z`).
public struct AuditTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var microseconds: Int64

    /// Creates a time from microseconds since the Unix epoch.
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The current wall-clock time.
    public static func now() -> AuditTime {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return AuditTime(microseconds: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000)
    }

    /// Orders times chronologically.
    public static func < (a: AuditTime, b: AuditTime) -> Bool { a.microseconds < b.microseconds }

    /// The time `delta` microseconds later (earlier when negative).
    public func adding(microseconds delta: Int64) -> AuditTime {
        AuditTime(microseconds: microseconds &+ delta)
    }

    /// The record form: `YYYY-MM-DDTHH:MM:SS.ffffffZ`, always 27 characters for years 0-9999.
    public var description: String { rfc3339 }

    /// The record form: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    public var rfc3339: String {
        var bytes: [UInt8] = []
        writeRFC3339(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the record form's bytes to `out`.
    func writeRFC3339(into out: inout [UInt8]) {
        let (seconds, micros) = microseconds.floorDivided(by: 1_000_000)
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = CivilDate.fromDays(days)
        Self.pad(year, 4, &out)
        out.append(UInt8(ascii: "-"))
        Self.pad(month, 2, &out)
        out.append(UInt8(ascii: "-"))
        Self.pad(day, 2, &out)
        out.append(UInt8(ascii: "T"))
        Self.pad(secondOfDay / 3600, 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.pad(secondOfDay / 60 % 60, 2, &out)
        out.append(UInt8(ascii: ":"))
        Self.pad(secondOfDay % 60, 2, &out)
        out.append(UInt8(ascii: "."))
        Self.pad(micros, 6, &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// Appends `value` in decimal, zero-padded to `width` digits (years beyond 9999 get more).
    private static func pad(_ value: Int64, _ width: Int, _ out: inout [UInt8]) {
        var limit: Int64 = 1
        for _ in 0..<width { limit *= 10 }
        if value >= 0, value < limit {
            var divisor = limit / 10
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
                divisor /= 10
            }
            return
        }
        let digits = String(value).utf8
        if digits.count < width {
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
        }
        out.append(contentsOf: digits)
    }

    /// Parses the exact record form `YYYY-MM-DDTHH:MM:SS.ffffffZ`; `nil` for anything else.
    public init?(recordForm text: String) {
        guard text.utf8.count == 27, let parsed = RFC3339Parser.parse(text), parsed.isRecordForm else {
            return nil
        }
        self = parsed.time
    }

    /// Parses the exact record form from its UTF-8 bytes (see ``init(recordForm:)``).
    package init?(recordForm bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 27, let parsed = RFC3339Parser.parse(bytes: bytes[...]), parsed.isRecordForm else {
            return nil
        }
        self = parsed.time
    }

    /// Parses any RFC 3339 date-time (`2025-03-01T12:00:00Z`, `2025-03-01T14:00:00.5+02:00`),
    /// or a date alone (`2025-03-01`, midnight UTC); `nil` when the text is neither.
    /// Fractions finer than a microsecond are truncated.
    public init?(rfc3339 text: String) {
        guard let parsed = RFC3339Parser.parse(text) else { return nil }
        self = parsed.time
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, with a non-negative remainder.
    package func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        var q = self / divisor
        var r = self % divisor
        if r < 0 {
            q -= 1
            r += divisor
        }
        return (q, r)
    }
}
