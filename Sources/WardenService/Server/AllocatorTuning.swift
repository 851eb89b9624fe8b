#if canImport(Glibc)
import CMalloc
#endif

/// Process-wide settings of the C allocator for a long-running server.
///
/// glibc returns freed memory at the top of a heap to the kernel as soon as more than 128 KiB of
/// it is free, and every request of `warden serve` frees its body, its parsed values and its
/// answer: under load each request then faulted fresh pages in again (a batch of 100 decisions
/// spent a fifth of its time in page faults). Keeping up to 128 MiB free per heap, and growing a
/// heap 16 MiB at a time, lets those pages be reused (docs/performance.md has the figures).
public enum AllocatorTuning {
    /// The most freed memory a heap keeps before returning it to the kernel.
    public static let trimThreshold: Int32 = 128 << 20
    /// The extra memory a heap takes whenever it grows.
    public static let topPad: Int32 = 16 << 20

    /// Applies the settings to this process; does nothing where the C library is not glibc.
    /// Call it once, early, from the server's entry point.
    public static func applyForServer() {
        #if canImport(Glibc)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        _ = mallopt(M_TOP_PAD, topPad)
        #endif
    }
}
