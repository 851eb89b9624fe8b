/// Durations written in registry files: a number with a unit (`250ms`, `1s`, `2m`, `1h`).
enum RegistryDuration {
    /// The duration `text` names, or `nil` when it is not one.
    static func parse(_ text: String) -> Duration? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (unit, seconds) in units where text.hasSuffix(unit) {
            guard let number = Double(text.dropLast(unit.count)), number >= 0, number.isFinite, number < 1e7 else { return nil }
            return .milliseconds(Int64(number * seconds * 1000))
        }
        return nil
    }
}
