/// Go's `time.Duration` text: `ParseDuration` (`"1h30m"`, `"-1.5s"`, `"250ms"`, `"2µs"`) and
/// `Duration.String()` (`"1h30m0s"`, `"1.5s"`, `"0s"`), on integer nanoseconds.
enum GoDuration {
    /// Why a duration text was refused.
    struct Failure: Error {
        let message: String
    }

    private static let hint = "a number and a unit (ns, us, ms, s, m, h), e.g. \"5s\" or \"1h30m\""

    private static let units: [(String, UInt64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ("m", 60_000_000_000), ("h", 3_600_000_000_000),
    ]

    /// The nanoseconds `text` stands for: an optional sign, then numbers (a fraction allowed)
    /// each followed by a unit; `0` alone is allowed.
    static func parse(_ text: String) throws(Failure) -> Int {
        func invalid() -> Failure { Failure(message: "invalid duration \"\(text)\"; hint: \(hint)") }
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { throw invalid() }
        var total: UInt64 = 0
        while !rest.isEmpty {
            let whole = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(whole.count)
            var fraction = Substring("")
            if rest.first == "." {
                rest = rest.dropFirst()
                fraction = rest.prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(fraction.count)
            }
            guard !whole.isEmpty || !fraction.isEmpty else { throw invalid() }
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            rest = rest.dropFirst(unitText.count)
            guard !unitText.isEmpty else {
                throw Failure(message: "missing unit in duration \"\(text)\"; hint: \(hint)")
            }
            guard let unit = units.first(where: { $0.0 == unitText })?.1 else {
                throw Failure(message: "unknown unit \"\(unitText)\" in duration \"\(text)\"; hint: \(hint)")
            }
            guard let wholeValue = UInt64(whole.isEmpty ? "0" : whole) else { throw invalid() }
            let (scaled, overflow) = wholeValue.multipliedReportingOverflow(by: unit)
            guard !overflow else { throw invalid() }
            var part = scaled
            var scale: UInt64 = 1
            var fractionValue: UInt64 = 0
            for digit in fraction.prefix(18) {
                fractionValue = fractionValue * 10 + UInt64(digit.asciiValue! - 48)
                scale *= 10
            }
            if fractionValue > 0 {
                let product = fractionValue.multipliedFullWidth(by: unit)
                let (withFraction, fractionOverflow) = part.addingReportingOverflow(
                    scale.dividingFullWidth(product).quotient)
                guard !fractionOverflow else { throw invalid() }
                part = withFraction
            }
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !sumOverflow else { throw invalid() }
            total = sum
        }
        if negative {
            guard total <= UInt64(Int.max) + 1 else { throw invalid() }
            return total == UInt64(Int.max) + 1 ? Int.min : -Int(total)
        }
        guard total <= UInt64(Int.max) else { throw invalid() }
        return Int(total)
    }

    /// Go's text for `nanoseconds`: `72h3m0.5s`, `1.2ms`, `0s`.
    static func string(_ nanoseconds: Int) -> String {
        if nanoseconds == 0 { return "0s" }
        var magnitude = nanoseconds.magnitude
        var out: String
        if magnitude < 1_000_000_000 {
            let (unit, precision): (String, Int) =
                magnitude < 1_000 ? ("ns", 0) : magnitude < 1_000_000 ? ("µs", 3) : ("ms", 6)
            let (text, rest) = fraction(magnitude, precision: precision)
            out = String(rest) + text + unit
        } else {
            let (text, seconds) = fraction(magnitude, precision: 9)
            out = String(seconds % 60) + text + "s"
            magnitude = seconds / 60
            if magnitude > 0 {
                out = String(magnitude % 60) + "m" + out
                magnitude /= 60
                if magnitude > 0 { out = String(magnitude) + "h" + out }
            }
        }
        return nanoseconds < 0 ? "-" + out : out
    }

    /// The fraction `value / 10^precision` as `.5` (no trailing zeros, nothing when zero) and
    /// the integer part.
    private static func fraction(_ value: UInt, precision: Int) -> (String, UInt) {
        var divisor: UInt = 1
        for _ in 0..<precision { divisor *= 10 }
        let whole = value / divisor
        var digits = String(value % divisor).leftPadded(to: precision)
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "" : "." + digits, whole)
    }
}
