import Foundation

/// Formats times with Go's reference layouts (`2006-01-02T15:04:05Z07:00`), as Wippy's
/// `time` module does, in UTC.
///
/// Recognized: `2006`, `01`, `02`, `15`, `04`, `05`, fractions `.000`, `.000000`, `.000000000`
/// (and `.999...`, which drop trailing zeros), `Z07:00` (`Z` in UTC), `Jan`, `Mon`; every other
/// character is copied.
enum GoTimeLayout {
    /// Go's `time.RFC3339`.
    static let rfc3339 = "2006-01-02T15:04:05Z07:00"

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func format(unixNanoseconds: Int, layout: String) -> String {
        let seconds =
            unixNanoseconds >= 0 ? unixNanoseconds / 1_000_000_000 : (unixNanoseconds - 999_999_999) / 1_000_000_000
        let fraction = unixNanoseconds - seconds * 1_000_000_000
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .weekday],
            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        func two(_ n: Int?) -> String {
            let v = n ?? 0
            return v < 10 ? "0\(v)" : "\(v)"
        }
        let nanos = String(fraction).leftPadded(to: 9)
        var output = ""
        var rest = Substring(layout)
        let tokens: [(String, () -> String)] = [
            ("2006", { String(parts.year ?? 0) }),
            (".000000000", { "." + nanos }),
            (".999999999", { trimmed(nanos) }),
            (".000000", { "." + nanos.prefix(6) }),
            (".999999", { trimmed(String(nanos.prefix(6))) }),
            (".000", { "." + nanos.prefix(3) }),
            (".999", { trimmed(String(nanos.prefix(3))) }),
            ("Z07:00", { "Z" }),
            ("Jan", { months[max(0, min(11, (parts.month ?? 1) - 1))] }),
            ("Mon", { weekdays[max(0, min(6, (parts.weekday ?? 1) - 1))] }),
            ("01", { two(parts.month) }),
            ("02", { two(parts.day) }),
            ("15", { two(parts.hour) }),
            ("04", { two(parts.minute) }),
            ("05", { two(parts.second) }),
        ]
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                output += value()
                rest = rest.dropFirst(token.count)
                continue outer
            }
            output.append(rest.removeFirst())
        }
        return output
    }

    private static func trimmed(_ digits: String) -> String {
        let kept = digits.reversed().drop { $0 == "0" }
        return kept.isEmpty ? "" : "." + String(kept.reversed())
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
