import CAllocationCounter

/// Counts the heap allocations made while a piece of code runs (all threads), where the build
/// supports it (Linux with glibc, no sanitizer).
enum AllocationCounter {
    /// Whether this build counts allocations.
    static var isAvailable: Bool { warden_allocation_counter_available() != 0 }

    /// The allocations `body` made (`nil` when counting is unavailable), and its result.
    static func counting<T>(_ body: () throws -> T) rethrows -> (allocations: Int?, result: T) {
        guard isAvailable else { return (nil, try body()) }
        let before = warden_allocation_counter_value()
        warden_allocation_counter_enable(1)
        defer { warden_allocation_counter_enable(0) }
        let result = try body()
        return (Int(warden_allocation_counter_value() &- before), result)
    }
}
