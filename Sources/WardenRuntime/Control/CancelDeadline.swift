import WardenValue

/// How long a cancelled process has before the runtime terminates it.
///
/// Written as a duration string (`"5s"`, `"250ms"`, `"1m30s"`; units `ns`, `us`, `ms`, `s`, `m`,
/// `h`; each number may have a decimal fraction) or as integer milliseconds.
public struct CancelDeadline: Sendable, Hashable, CustomStringConvertible {
    /// The longest accepted deadline (one year); longer ones are `INVALID`.
    public static let maximum: Duration = .seconds(365 * 24 * 3600)

    /// The time from the cancel request to forced termination.
    public let duration: Duration

    /// Creates a deadline from a duration; `INVALID` when negative or above ``maximum``.
    public init(_ duration: Duration) throws(ProcessError) {
        guard duration >= .zero, duration <= CancelDeadline.maximum else {
            throw ProcessError(
                .invalid, "cancel deadline `\(duration)` is out of range; hint: use 0 to 1 year",
                code: "invalid-duration")
        }
        self.duration = duration
    }

    /// Creates a deadline of `milliseconds`; `INVALID` when negative or too long.
    public init(milliseconds: Int) throws(ProcessError) {
        guard milliseconds >= 0 else {
            throw ProcessError(
                .invalid, "cancel deadline `\(milliseconds)` is negative; hint: give milliseconds >= 0",
                code: "invalid-duration")
        }
        try self.init(.milliseconds(milliseconds))
    }

    /// Parses a duration string such as `"1m30s"`; `INVALID` with a hint when malformed.
    public init(parsing text: String) throws(ProcessError) {
        guard let duration = CancelDeadline.parseDuration(text) else {
            throw ProcessError(
                .invalid,
                "invalid duration `\(text)`; hint: use a number and a unit (ns, us, ms, s, m, h), e.g. `5s` or `1m30s`",
                code: "invalid-duration")
        }
        try self.init(duration)
    }

    /// Reads a deadline argument: a duration string or integer milliseconds (a float with no
    /// fraction counts as an integer). `nil` means no deadline; anything else is `INVALID`.
    public static func from(_ value: Value?) throws(ProcessError) -> CancelDeadline? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return try CancelDeadline(parsing: s)
        case .int(let ms)?: return try CancelDeadline(milliseconds: ms)
        case .double(let d)? where d.rounded() == d && abs(d) < 1e15: return try CancelDeadline(milliseconds: Int(d))
        case let other?:
            throw ProcessError(
                .invalid,
                "cancel deadline must be a duration string or integer milliseconds, not a \(other.typeName); hint: pass e.g. `\"5s\"` or `5000`",
                code: "invalid-duration")
        }
    }

    /// The deadline in milliseconds followed by `ms`, e.g. `1500ms`.
    public var description: String {
        let (seconds, attoseconds) = duration.components
        return String(seconds * 1000 + attoseconds / 1_000_000_000_000_000) + "ms"
    }

    /// Parses `<number><unit>` repeated, Go style; `nil` when malformed.
    static func parseDuration(_ text: String) -> Duration? {
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        var totalNanoseconds: Double = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number.first != ".", number.last != ".", number.filter({ $0 == "." }).count <= 1,
                let amount = Double(number)
            else { return nil }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ns": scale = 1
            case "us": scale = 1_000
            case "ms": scale = 1_000_000
            case "s": scale = 1_000_000_000
            case "m": scale = 60_000_000_000
            case "h": scale = 3_600_000_000_000
            default: return nil
            }
            totalNanoseconds += amount * scale
            guard totalNanoseconds.isFinite, totalNanoseconds < 1e18 else { return nil }
        }
        return .nanoseconds(Int64(totalNanoseconds))
    }
}
