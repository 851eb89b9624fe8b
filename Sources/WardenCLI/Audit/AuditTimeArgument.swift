import WardenAuditRecord
import WardenAuditReview

/// Reads `--since` / `--until` values: an RFC 3339 time (`2025-03-01T12:00:00Z`, a date
/// `2025-03-01`) or an age before now (`90s`, `30m`, `1h`, `2d`, `1w`, or combined `1h30m`).
/// The parsing itself is ``AuditFilterText``'s, shared with the service.
enum AuditTimeArgument {
    /// The time `text` names, relative to `now`.
    static func parse(_ text: String, option: String, now: AuditTime) throws(CommandFailure) -> AuditTime {
        do {
            return try AuditFilterText.time(text, field: String(option.drop { $0 == "-" }), now: now)
        } catch {
            throw .invalid("invalid \(option) `\(text)`: expected \(error.expected)")
        }
    }

    /// Microseconds in `text` made of number-unit pairs (`s m h d w`); `nil` when malformed.
    static func age(_ text: String) -> Int64? { AuditFilterText.age(text) }
}
