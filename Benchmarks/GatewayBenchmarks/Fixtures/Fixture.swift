import Synchronization

/// Holds what a benchmark's setup built until its teardown, since package-benchmark's teardown
/// hook receives no state.
final class Fixture<Value: Sendable>: Sendable {
    private let slot = Mutex<Value?>(nil)

    /// An empty holder.
    init() {}

    /// Stores `value`; returns it for the setup hook to hand on.
    @discardableResult
    func set(_ value: Value) -> Value {
        slot.withLock { $0 = value }
        return value
    }

    /// Removes and returns the stored value.
    func take() -> Value? {
        slot.withLock { slot in
            defer { slot = nil }
            return slot
        }
    }
}
