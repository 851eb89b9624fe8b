/// One element of a Go time layout: literal text, or a field written against Go's reference
/// time `Mon Jan 2 15:04:05 MST 2006` (`2006` is the year, `Jan` the month name, `.000` three
/// digits of fraction, `Z07:00` the offset with `Z` for UTC, ...).
enum GoLayoutElement: Equatable {
    case literal([UInt8])
    case longMonth, month, numMonth, zeroMonth
    case longWeekday, weekday
    case day, underDay, zeroDay, underYearDay, zeroYearDay
    case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
    case longYear, year
    case upperPM, lowerPM
    case zoneAbbreviation
    case offset(GoOffsetStyle)
    /// `.000` (`trailingZeros`) or `.999` (trimmed), `digits` long; `separator` is `.` or `,`.
    case fraction(digits: Int, trailingZeros: Bool, separator: UInt8)

    /// The elements of `layout`, in order.
    static func parse(_ layout: String) -> [GoLayoutElement] {
        let bytes = Array(layout.utf8)
        var elements: [GoLayoutElement] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if let (element, length) = field(in: bytes, at: index) {
                if !literal.isEmpty { elements.append(.literal(literal)) }
                literal = []
                elements.append(element)
                index += length
            } else {
                literal.append(bytes[index])
                index += 1
            }
        }
        if !literal.isEmpty { elements.append(.literal(literal)) }
        return elements
    }

    /// The layout text of the element, for error messages.
    var text: String {
        switch self {
        case .literal(let bytes): String(decoding: bytes, as: UTF8.self)
        case .longMonth: "January"
        case .month: "Jan"
        case .numMonth: "1"
        case .zeroMonth: "01"
        case .longWeekday: "Monday"
        case .weekday: "Mon"
        case .day: "2"
        case .underDay: "_2"
        case .zeroDay: "02"
        case .underYearDay: "__2"
        case .zeroYearDay: "002"
        case .hour: "15"
        case .hour12: "3"
        case .zeroHour12: "03"
        case .minute: "4"
        case .zeroMinute: "04"
        case .second: "5"
        case .zeroSecond: "05"
        case .longYear: "2006"
        case .year: "06"
        case .upperPM: "PM"
        case .lowerPM: "pm"
        case .zoneAbbreviation: "MST"
        case .offset(let style): style.text
        case .fraction(let digits, let zeros, let separator):
            String(UnicodeScalar(separator)) + String(repeating: zeros ? "0" : "9", count: digits)
        }
    }

    // swiftlint:disable:next cyclomatic_complexity
    private static func field(in b: [UInt8], at i: Int) -> (GoLayoutElement, Int)? {
        func has(_ text: String, at offset: Int = i) -> Bool {
            let t = Array(text.utf8)
            return offset + t.count <= b.count && Array(b[offset..<offset + t.count]) == t
        }
        func lowerAfter(_ length: Int) -> Bool {
            i + length < b.count && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b[i + length])
        }
        switch b[i] {
        case UInt8(ascii: "J") where has("Jan"):
            if has("January") { return (.longMonth, 7) }
            return lowerAfter(3) ? nil : (.month, 3)
        case UInt8(ascii: "M") where has("Mon"):
            if has("Monday") { return (.longWeekday, 6) }
            return lowerAfter(3) ? nil : (.weekday, 3)
        case UInt8(ascii: "M") where has("MST"):
            return (.zoneAbbreviation, 3)
        case UInt8(ascii: "0"):
            if i + 1 < b.count, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(b[i + 1]) {
                let zeros: [GoLayoutElement] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                return (zeros[Int(b[i + 1] - UInt8(ascii: "1"))], 2)
            }
            return has("002") ? (.zeroYearDay, 3) : nil
        case UInt8(ascii: "1"):
            return has("15") ? (.hour, 2) : (.numMonth, 1)
        case UInt8(ascii: "2"):
            return has("2006") ? (.longYear, 4) : (.day, 1)
        case UInt8(ascii: "_"):
            if has("_2006") { return nil }  // `_` stays literal; the year follows.
            if has("_2") { return (.underDay, 2) }
            return has("__2") ? (.underYearDay, 3) : nil
        case UInt8(ascii: "3"): return (.hour12, 1)
        case UInt8(ascii: "4"): return (.minute, 1)
        case UInt8(ascii: "5"): return (.second, 1)
        case UInt8(ascii: "P") where has("PM"): return (.upperPM, 2)
        case UInt8(ascii: "p") where has("pm"): return (.lowerPM, 2)
        case UInt8(ascii: "-"), UInt8(ascii: "Z"):
            for style in GoOffsetStyle.all(iso: b[i] == UInt8(ascii: "Z")) where has(style.text) {
                return (.offset(style), style.text.utf8.count)
            }
            return nil
        case UInt8(ascii: "."), UInt8(ascii: ","):
            guard i + 1 < b.count, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "9") else { return nil }
            var end = i + 1
            while end < b.count && b[end] == b[i + 1] { end += 1 }
            if end < b.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[end]) { return nil }
            return (
                .fraction(digits: end - i - 1, trailingZeros: b[i + 1] == UInt8(ascii: "0"), separator: b[i]), end - i
            )
        default:
            return nil
        }
    }
}

/// How a layout writes a zone's offset: `-0700`, `-07:00`, `-07`, with seconds (`-07:00:00`),
/// and in the ISO 8601 forms (`Z07:00`) that write `Z` for UTC.
struct GoOffsetStyle: Equatable {
    var iso: Bool
    var colons: Bool
    var minutes: Bool
    var seconds: Bool

    /// The styles starting with `Z` (`iso`) or `-`, longest first, as Go tries them.
    static func all(iso: Bool) -> [GoOffsetStyle] {
        [
            GoOffsetStyle(iso: iso, colons: false, minutes: true, seconds: true),
            GoOffsetStyle(iso: iso, colons: true, minutes: true, seconds: true),
            GoOffsetStyle(iso: iso, colons: false, minutes: true, seconds: false),
            GoOffsetStyle(iso: iso, colons: true, minutes: true, seconds: false),
            GoOffsetStyle(iso: iso, colons: false, minutes: false, seconds: false),
        ]
    }

    /// The style as written in a layout.
    var text: String {
        var text = iso ? "Z07" : "-07"
        if minutes { text += colons ? ":00" : "00" }
        if seconds { text += colons ? ":00" : "00" }
        return text
    }
}
