/// Parses times with Go's reference layouts, with the rules of Go's `time.ParseInLocation`:
/// a missing year is year 0, a missing date January 1; a value without a zone is in the
/// default zone; a numeric offset becomes that zone when it has that offset at that time and a
/// fixed zone otherwise; an abbreviation that is not the default zone's becomes a zone with
/// that name and offset zero (`GMT+3` style names get their hours); a fraction of a second
/// right after the seconds is read even when the layout has none.
struct GoTimeParser {
    /// What went wrong, in the words of Go's `time.ParseError`.
    struct Failure: Error {
        let message: String
    }

    /// A parsed time and the zone it was written in.
    struct Parsed {
        let instant: GoInstant
        let zone: GoZone
    }

    private let layout: String
    let value: String
    private let elements: [GoLayoutElement]

    init(layout: String, value: String) {
        self.layout = layout
        self.value = value
        elements = GoLayoutElement.parse(layout)
    }

    /// The time `value` stands for when read with `layout`; a value without a zone is in
    /// `defaultZone`.
    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func parse(defaultZone: GoZone) throws(Failure) -> Parsed {
        var rest = ArraySlice(value.utf8)
        var year = 0
        var month = -1
        var day = -1
        var yearDay = -1
        var hour = 0
        var minute = 0
        var second = 0
        var nanosecond = 0
        var pm = false
        var am = false
        var utc = false
        var offset: Int?
        var zoneName: String?
        var rangeError: String?

        for (position, element) in elements.enumerated() {
            let before = rest
            func fail() -> Failure {
                Failure(
                    message:
                        "parsing time \(quote(value)) as \(quote(layout)): cannot parse \(quote(before)) as \(quote(element.text))"
                )
            }
            switch element {
            case .literal(let bytes):
                guard let remaining = GoTimeParser.skip(bytes[...], in: rest) else { throw fail() }
                rest = remaining
            case .year:
                guard let n = fixedNumber(&rest, digits: 2) else { throw fail() }
                year = n >= 69 ? 1900 + n : 2000 + n
            case .longYear:
                guard let n = fixedNumber(&rest, digits: 4) else { throw fail() }
                year = n
            case .month, .longMonth:
                let names = GoTimeLayout.longMonths.map { element == .month ? String($0.prefix(3)) : $0 }
                guard let index = lookup(names, &rest) else { throw fail() }
                month = index + 1
            case .weekday, .longWeekday:
                let names = GoTimeLayout.longWeekdays.map { element == .weekday ? String($0.prefix(3)) : $0 }
                guard lookup(names, &rest) != nil else { throw fail() }
            case .numMonth, .zeroMonth:
                guard let n = number(&rest, maxDigits: 2, fixed: element == .zeroMonth) else { throw fail() }
                if n < 1 || n > 12 { rangeError = rangeError ?? "month" }
                month = n
            case .day, .underDay, .zeroDay:
                if element == .underDay, rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
                guard let n = number(&rest, maxDigits: 2, fixed: element == .zeroDay) else { throw fail() }
                if n < 0 || n > 31 { rangeError = rangeError ?? "day" }
                day = n
            case .underYearDay, .zeroYearDay:
                if element == .underYearDay {
                    for _ in 0..<2 where rest.first == UInt8(ascii: " ") { rest = rest.dropFirst() }
                }
                guard let n = number(&rest, maxDigits: 3, fixed: element == .zeroYearDay) else { throw fail() }
                if n < 1 || n > 366 { rangeError = rangeError ?? "day-of-year" }
                yearDay = n
            case .hour:
                guard let n = number(&rest, maxDigits: 2, fixed: false) else { throw fail() }
                if n < 0 || n > 23 { rangeError = rangeError ?? "hour" }
                hour = n
            case .hour12, .zeroHour12:
                guard let n = number(&rest, maxDigits: 2, fixed: element == .zeroHour12) else { throw fail() }
                if n < 0 || n > 12 { rangeError = rangeError ?? "hour" }
                hour = n
            case .minute, .zeroMinute:
                guard let n = number(&rest, maxDigits: 2, fixed: element == .zeroMinute) else { throw fail() }
                if n < 0 || n > 59 { rangeError = rangeError ?? "minute" }
                minute = n
            case .second, .zeroSecond:
                guard let n = number(&rest, maxDigits: 2, fixed: element == .zeroSecond) else { throw fail() }
                if n < 0 || n > 59 { rangeError = rangeError ?? "second" }
                second = n
                let nextIsFraction: Bool = {
                    guard position + 1 < elements.count, case .fraction = elements[position + 1] else { return false }
                    return true
                }()
                if !nextIsFraction, rest.count >= 2, GoTimeParser.isSeparator(rest.first),
                    GoTimeParser.isDigit(rest.dropFirst().first)
                {
                    var length = 1
                    while GoTimeParser.isDigit(rest.dropFirst(length).first) { length += 1 }
                    nanosecond = GoTimeParser.nanoseconds(rest.prefix(length))
                    rest = rest.dropFirst(length)
                }
            case .upperPM, .lowerPM:
                let text = String(decoding: rest.prefix(2), as: UTF8.self)
                let (p, a) = element == .upperPM ? ("PM", "AM") : ("pm", "am")
                if text == p { pm = true } else if text == a { am = true } else { throw fail() }
                rest = rest.dropFirst(2)
            case .offset(let style):
                if style.iso, rest.first == UInt8(ascii: "Z") {
                    rest = rest.dropFirst()
                    utc = true
                    break
                }
                guard let parsed = GoTimeParser.offset(&rest, style: style) else { throw fail() }
                offset = parsed
            case .zoneAbbreviation:
                if rest.starts(with: "UTC".utf8) {
                    rest = rest.dropFirst(3)
                    utc = true
                    break
                }
                guard let length = GoTimeParser.zoneNameLength(rest) else { throw fail() }
                zoneName = String(decoding: rest.prefix(length), as: UTF8.self)
                rest = rest.dropFirst(length)
            case .fraction(let digits, let trailingZeros, _):
                if trailingZeros {
                    guard rest.count > digits, GoTimeParser.isSeparator(rest.first),
                        rest.dropFirst().prefix(digits).allSatisfy({ GoTimeParser.isDigit($0) })
                    else { throw fail() }
                    nanosecond = GoTimeParser.nanoseconds(rest.prefix(digits + 1))
                    rest = rest.dropFirst(digits + 1)
                } else {
                    guard rest.count >= 2, GoTimeParser.isSeparator(rest.first),
                        GoTimeParser.isDigit(rest.dropFirst().first)
                    else { break }
                    var length = 1
                    while GoTimeParser.isDigit(rest.dropFirst(length).first) { length += 1 }
                    nanosecond = GoTimeParser.nanoseconds(rest.prefix(length))
                    rest = rest.dropFirst(length)
                }
            }
        }
        if !rest.isEmpty {
            throw Failure(message: "parsing time \(quote(value)): extra text: \(quote(rest))")
        }
        if pm && hour < 12 { hour += 12 } else if am && hour == 12 { hour = 0 }
        return try resolve(
            Fields(
                year: year, month: month, day: day, yearDay: yearDay, hour: hour, minute: minute, second: second,
                nanosecond: nanosecond),
            rangeError: rangeError, utc: utc, offset: offset, zoneName: zoneName, defaultZone: defaultZone)
    }

    func quote(_ text: some Collection<UInt8>) -> String {
        quote(String(decoding: text, as: UTF8.self))
    }

    func quote(_ text: String) -> String {
        "\"" + text.replacingBackslashesAndQuotes() + "\""
    }

    /// `digits` digits exactly.
    private func fixedNumber(_ rest: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        let taken = rest.prefix(digits)
        guard taken.count == digits, taken.allSatisfy({ GoTimeParser.isDigit($0) }) else { return nil }
        rest = rest.dropFirst(digits)
        return taken.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// One to `maxDigits` digits; exactly `maxDigits` when `fixed`.
    private func number(_ rest: inout ArraySlice<UInt8>, maxDigits: Int, fixed: Bool) -> Int? {
        var length = 0
        while length < maxDigits && GoTimeParser.isDigit(rest.dropFirst(length).first) { length += 1 }
        guard length > 0, !fixed || length == maxDigits else { return nil }
        let value = rest.prefix(length).reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        rest = rest.dropFirst(length)
        return value
    }

    /// The index of the name `rest` starts with, compared without case, and `rest` after it.
    private func lookup(_ names: [String], _ rest: inout ArraySlice<UInt8>) -> Int? {
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            let head = rest.prefix(bytes.count)
            if head.count == bytes.count, zip(head, bytes).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                rest = rest.dropFirst(bytes.count)
                return index
            }
        }
        return nil
    }

    /// `rest` after the layout's literal `text`; a space in the layout matches one or more
    /// spaces in the value, as in Go.
    static func skip(_ text: ArraySlice<UInt8>, in rest: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var text = text
        var rest = rest
        let space = UInt8(ascii: " ")
        while let next = text.first {
            if next == space {
                if let first = rest.first, first != space { return nil }
                while text.first == space { text = text.dropFirst() }
                while rest.first == space { rest = rest.dropFirst() }
                continue
            }
            guard rest.first == next else { return nil }
            text = text.dropFirst()
            rest = rest.dropFirst()
        }
        return rest
    }

    static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isSeparator(_ byte: UInt8?) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
    }

    /// The nanoseconds of a fraction written as a separator and digits (beyond nine ignored).
    static func nanoseconds(_ fraction: ArraySlice<UInt8>) -> Int {
        let digits = fraction.dropFirst().prefix(9)
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return value
            * [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000][9 - digits.count]
    }

    /// A numeric offset written in `style`, in seconds east of UTC.
    static func offset(_ rest: inout ArraySlice<UInt8>, style: GoOffsetStyle) -> Int? {
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var cursor = rest.dropFirst()
        func two() -> Int? {
            let taken = cursor.prefix(2)
            guard taken.count == 2, taken.allSatisfy({ isDigit($0) }) else { return nil }
            cursor = cursor.dropFirst(2)
            return taken.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        func colon() -> Bool {
            guard style.colons else { return true }
            guard cursor.first == UInt8(ascii: ":") else { return false }
            cursor = cursor.dropFirst()
            return true
        }
        guard let hours = two() else { return nil }
        var minutes = 0
        var seconds = 0
        if style.minutes {
            guard colon(), let m = two() else { return nil }
            minutes = m
        }
        if style.seconds {
            guard colon(), let s = two() else { return nil }
            seconds = s
        }
        guard hours <= 24, minutes <= 60, seconds <= 60 else { return nil }
        rest = cursor
        let total = hours * 3600 + minutes * 60 + seconds
        return sign == UInt8(ascii: "-") ? -total : total
    }

    /// The length of a zone abbreviation at the start of `rest`, by Go's rules: three upper-case
    /// letters, four ending in `T` (or `ChST`, `MeST`, `WITA`), five ending in `T`, `GMT` with
    /// an optional signed hour offset, or a signed offset such as `+03`.
    static func zoneNameLength(_ rest: ArraySlice<UInt8>) -> Int? {
        guard rest.count >= 3 else { return nil }
        let head = String(decoding: rest.prefix(4), as: UTF8.self)
        if head == "ChST" || head == "MeST" { return 4 }
        if rest.starts(with: "GMT".utf8) { return 3 + signedHours(rest.dropFirst(3)) }
        if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") {
            let length = signedHours(rest)
            return length > 0 ? length : nil
        }
        var upper = 0
        while upper < 6, let c = rest.dropFirst(upper).first, c >= UInt8(ascii: "A"), c <= UInt8(ascii: "Z") {
            upper += 1
        }
        let letters = Array(rest.prefix(upper))
        switch upper {
        case 3: return 3
        case 4 where letters[3] == UInt8(ascii: "T") || head == "WITA": return 4
        case 5 where letters[4] == UInt8(ascii: "T"): return 5
        default: return nil
        }
    }

    /// The length of `+h` / `-hh` (hours -23 to 23) at the start of `rest`, 0 if none.
    private static func signedHours(_ rest: ArraySlice<UInt8>) -> Int {
        guard let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return 0 }
        var length = 1
        var value = 0
        while let c = rest.dropFirst(length).first, isDigit(c), length < 3 {
            value = value * 10 + Int(c - UInt8(ascii: "0"))
            length += 1
        }
        return length > 1 && value <= 23 ? length : 0
    }
}

extension String {
    /// The text with `\` and `"` escaped, for quoting inside double quotes.
    func replacingBackslashesAndQuotes() -> String {
        var out = ""
        for c in self {
            if c == "\\" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
