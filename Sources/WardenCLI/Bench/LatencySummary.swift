import WardenValue

/// Percentiles of a set of latency samples, in nanoseconds.
struct LatencySummary: Sendable, Equatable {
    /// The number of samples.
    var count: Int
    /// The median.
    var p50: Double
    /// The 90th percentile.
    var p90: Double
    /// The 99th percentile.
    var p99: Double

    /// Summarizes `samples` (nanoseconds, any order); nearest-rank percentiles.
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        p50 = Self.rank(0.50, sorted)
        p90 = Self.rank(0.90, sorted)
        p99 = Self.rank(0.99, sorted)
    }

    /// The nearest-rank percentile `q` of `sorted`; 0 for no samples.
    static func rank(_ q: Double, _ sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(position, 0), sorted.count - 1)]
    }

    /// `{"p50", "p90", "p99"}` in nanoseconds, rounded to whole nanoseconds.
    var json: JSONObject {
        var object = JSONObject()
        object.add("p50", .int(Int(p50.rounded())))
        object.add("p90", .int(Int(p90.rounded())))
        object.add("p99", .int(Int(p99.rounded())))
        return object
    }
}
