/// Durations written in registry files: one or more numbers, each with a unit (`250ms`, `1s`,
/// `2m`, `1h30m`, `1.5s`; units `ns`, `us`, `ms`, `s`, `m`, `h`), as Go and Wippy write them.
enum RegistryDuration {
    /// The duration `text` names, or `nil` when it is not one (or is negative or above ten
    /// million seconds).
    static func parse(_ text: String) -> Duration? {
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        var nanoseconds: Double = 0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number.first != ".", number.last != ".", let amount = Double(number) else {
                return nil
            }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { $0.isASCII && $0.isLetter }
            rest = rest.dropFirst(unit.count)
            guard let scale = scales[String(unit)] else { return nil }
            nanoseconds += amount * scale
            guard nanoseconds.isFinite, nanoseconds < 1e16 else { return nil }
        }
        return .nanoseconds(Int64(nanoseconds))
    }

    private static let scales: [String: Double] = [
        "ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
    ]
}
