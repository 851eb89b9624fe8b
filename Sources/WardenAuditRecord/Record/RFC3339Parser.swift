import WardenValue

/// A small strict parser for RFC 3339 date-times.
enum RFC3339Parser {
    /// A parsed time and whether the text was in the exact record form.
    struct Parsed {
        package var time: AuditTime
        var isRecordForm: Bool
    }

    /// Parses `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`T`/`t`/space, `Z`/`z`).
    package static func parse(_ text: String) -> Parsed? {
        parse(bytes: Array(text.utf8)[...])
    }

    /// Parses the UTF-8 bytes of a date or date-time (see ``parse(_:)``).
    package static func parse<Bytes: Collection<UInt8>>(bytes: Bytes) -> Parsed? where Bytes.SubSequence == Bytes {
        var bytes = bytes
        guard let year = number(&bytes, 4), expect(&bytes, "-"),
            let month = number(&bytes, 2), expect(&bytes, "-"),
            let day = number(&bytes, 2),
            (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        if bytes.isEmpty {
            return Parsed(time: AuditTime(microseconds: days * 86_400_000_000), isRecordForm: false)
        }
        guard let sep = bytes.popFirst(),
            sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " "),
            let hour = number(&bytes, 2), expect(&bytes, ":"),
            let minute = number(&bytes, 2), expect(&bytes, ":"),
            let second = number(&bytes, 2),
            hour < 24, minute < 60, second < 61  // a leap second is read as the next second
        else { return nil }
        var micros: Int64 = 0
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            while let c = bytes.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                bytes.removeFirst()
                if fractionDigits < 6 { micros = micros * 10 + Int64(c - UInt8(ascii: "0")) }
                fractionDigits += 1
            }
            guard fractionDigits > 0 else { return nil }
            for _ in min(fractionDigits, 6)..<6 { micros *= 10 }
        }
        var offsetSeconds: Int64 = 0
        var zulu = false
        guard let zone = bytes.popFirst() else { return nil }
        switch zone {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            zulu = zone == UInt8(ascii: "Z")
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let oh = number(&bytes, 2), expect(&bytes, ":"), let om = number(&bytes, 2), oh < 24, om < 60
            else { return nil }
            offsetSeconds = (oh * 3600 + om * 60) * (zone == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        guard bytes.isEmpty else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let recordForm = zulu && fractionDigits == 6 && sep == UInt8(ascii: "T") && second < 60
        return Parsed(time: AuditTime(microseconds: seconds * 1_000_000 + micros), isRecordForm: recordForm)
    }

    private static func number<Bytes: Collection<UInt8>>(_ bytes: inout Bytes, _ width: Int) -> Int64?
    where Bytes.SubSequence == Bytes {
        guard bytes.count >= width else { return nil }
        var value: Int64 = 0
        for _ in 0..<width {
            guard let c = bytes.first, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(c - UInt8(ascii: "0"))
            bytes.removeFirst()
        }
        return value
    }

    private static func expect<Bytes: Collection<UInt8>>(_ bytes: inout Bytes, _ char: Unicode.Scalar) -> Bool
    where Bytes.SubSequence == Bytes {
        guard bytes.first == UInt8(ascii: char) else { return false }
        bytes.removeFirst()
        return true
    }
}
