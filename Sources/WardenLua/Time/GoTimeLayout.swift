/// Formats times with Go's reference layouts (`2006-01-02T15:04:05Z07:00`), as Wippy's `time`
/// module does: every layout element of Go's `time` package (see ``GoLayoutElement``), in the
/// time's zone.
enum GoTimeLayout {
    /// Go's `time.RFC3339`.
    static let rfc3339 = "2006-01-02T15:04:05Z07:00"
    /// The layout of Go's `Time.String()`.
    static let string = "2006-01-02 15:04:05.999999999 -0700 MST"

    static let longMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
    static let longWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// `instant` in `zone`, written as `layout` says.
    static func format(_ instant: GoInstant, zone: GoZone, layout: String) -> String {
        let (offset, abbreviation) = zone.offset(atUnix: instant.seconds)
        let t = CivilTime(instant, offset: offset)
        var out = ""
        for element in GoLayoutElement.parse(layout) {
            switch element {
            case .literal(let bytes): out += String(decoding: bytes, as: UTF8.self)
            case .longMonth: out += longMonths[t.month - 1]
            case .month: out += longMonths[t.month - 1].prefix(3)
            case .numMonth: out += String(t.month)
            case .zeroMonth: out += pad(t.month, 2)
            case .longWeekday: out += longWeekdays[t.weekday]
            case .weekday: out += longWeekdays[t.weekday].prefix(3)
            case .day: out += String(t.day)
            case .underDay: out += t.day < 10 ? " \(t.day)" : String(t.day)
            case .zeroDay: out += pad(t.day, 2)
            case .underYearDay:
                out += String(repeating: " ", count: max(0, 3 - String(t.yearDay).count)) + String(t.yearDay)
            case .zeroYearDay: out += pad(t.yearDay, 3)
            case .hour: out += pad(t.hour, 2)
            case .hour12: out += String(t.hour % 12 == 0 ? 12 : t.hour % 12)
            case .zeroHour12: out += pad(t.hour % 12 == 0 ? 12 : t.hour % 12, 2)
            case .minute: out += String(t.minute)
            case .zeroMinute: out += pad(t.minute, 2)
            case .second: out += String(t.second)
            case .zeroSecond: out += pad(t.second, 2)
            case .longYear: out += t.year < 0 ? "-" + pad(-t.year, 4) : pad(t.year, 4)
            case .year: out += pad(t.year.floorModulo(100), 2)
            case .upperPM: out += t.hour >= 12 ? "PM" : "AM"
            case .lowerPM: out += t.hour >= 12 ? "pm" : "am"
            case .zoneAbbreviation: out += abbreviation.isEmpty ? numericOffset(offset) : abbreviation
            case .offset(let style): out += write(offset: offset, style: style)
            case .fraction(let digits, let trailingZeros, let separator):
                out += fraction(t.nanosecond, digits: digits, trailingZeros: trailingZeros, separator: separator)
            }
        }
        return out
    }

    /// `value` in decimal, with `0`s in front up to `width` digits.
    static func pad(_ value: Int, _ width: Int) -> String {
        String(value).leftPadded(to: width)
    }

    private static func numericOffset(_ offset: Int) -> String {
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + pad(minutes / 60, 2) + pad(minutes % 60, 2)
    }

    private static func write(offset: Int, style: GoOffsetStyle) -> String {
        if style.iso && offset == 0 { return "Z" }
        let absolute = abs(offset)
        var out = (offset < 0 ? "-" : "+") + pad(absolute / 3600, 2)
        if style.minutes { out += (style.colons ? ":" : "") + pad(absolute / 60 % 60, 2) }
        if style.seconds { out += (style.colons ? ":" : "") + pad(absolute % 60, 2) }
        return out
    }

    private static func fraction(_ nanosecond: Int, digits: Int, trailingZeros: Bool, separator: UInt8) -> String {
        var kept = String(pad(nanosecond, 9).prefix(digits))
        if !trailingZeros {
            while kept.last == "0" { kept.removeLast() }
            if kept.isEmpty { return "" }
        }
        return String(UnicodeScalar(separator)) + kept
    }
}

extension String {
    /// The string with `0`s in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
