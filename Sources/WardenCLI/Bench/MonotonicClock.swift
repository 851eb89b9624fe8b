#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanosecond readings of the monotonic clock, for timing one decision at a time.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point.
    @inline(__always)
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The median cost of one reading (two back-to-back readings' difference), subtracted from
    /// every per-decision sample so the figures are the decision's own.
    static func readingCost() -> Double {
        var samples: [Double] = []
        samples.reserveCapacity(10_001)
        for _ in 0...10_000 {
            let start = now()
            samples.append(Double(now() &- start))
        }
        return LatencySummary(samples).p50
    }
}
