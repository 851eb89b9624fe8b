/// Resource limits of one Lua process.
public struct LuaLimits: Sendable, Hashable {
    /// The most bytes the process's Lua state may allocate (default 64 MiB).
    public var memoryLimit: Int
    /// How many VM instructions run between two checks of the preemption hook.
    public var hookInstructions: Int32
    /// How long a coroutine runs before the hook makes it give up its thread.
    public var timeSlice: Duration

    /// Creates limits; the defaults are 64 MiB, 10,000 instructions per check and 5 ms slices.
    public init(memoryLimit: Int = 64 << 20, hookInstructions: Int32 = 10_000, timeSlice: Duration = .milliseconds(5)) {
        self.memoryLimit = memoryLimit
        self.hookInstructions = hookInstructions
        self.timeSlice = timeSlice
    }

    /// The default limits.
    public static let standard = LuaLimits()
}
