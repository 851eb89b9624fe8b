import WardenAudit

/// Reads `--since` / `--until` values: an RFC 3339 time (`2025-03-01T12:00:00Z`, a date
/// `2025-03-01`) or an age before now (`90s`, `30m`, `1h`, `2d`, `1w`, or combined `1h30m`).
enum AuditTimeArgument {
    /// The time `text` names, relative to `now`.
    static func parse(_ text: String, option: String, now: AuditTime) throws(AuditCLIError) -> AuditTime {
        if let time = AuditTime(rfc3339: text) { return time }
        if let age = age(text) { return now.adding(microseconds: -age) }
        throw .invalid(
            "invalid \(option) `\(text)`: expected an RFC 3339 time such as `2025-03-01T12:00:00Z` or an age such as `30m`, `1h`, `2d`")
    }

    /// Microseconds in `text` made of number-unit pairs (`s m h d w`); `nil` when malformed.
    static func age(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        var total: Int64 = 0
        var digits = ""
        for c in text {
            if c.isASCII, c.isNumber {
                digits.append(c)
            } else if let unit = units[c], let n = Int64(digits) {
                let (seconds, o1) = n.multipliedReportingOverflow(by: unit)
                let (sum, o2) = total.addingReportingOverflow(seconds)
                guard !o1, !o2 else { return nil }
                total = sum
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, !text.isEmpty else { return nil }
        let (micros, overflow) = total.multipliedReportingOverflow(by: 1_000_000)
        return overflow ? nil : micros
    }
}
