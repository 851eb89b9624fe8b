/// Number formatting of `warden bench`'s text output.
enum BenchFormat {
    /// `1,234,567`: rounded, with thousands separators.
    static func whole(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let digits = String(Int(value.rounded()))
        var out = ""
        for (i, character) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0, character != "-" { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    /// `12.35` with `places` decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard places > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % Int(scale))
        return sign + String(magnitude / Int(scale)) + "." + String(repeating: "0", count: places - fraction.count)
            + fraction
    }
}
