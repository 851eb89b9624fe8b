import WardenAuditRecord

/// How a sink flushes an open file's data to stable storage: the system's `fdatasync` (``system``)
/// unless a test substitutes an observer. Chosen once when the sink opens.
struct DataSync: Sendable {
    /// Flushes the descriptor's data; throws what the system call reported.
    let run: @Sendable (FileDescriptor) throws(SystemError) -> Void

    /// The real data sync (`fdatasync` on Linux, `fsync` elsewhere).
    static let system = DataSync { fd throws(SystemError) in try fd.syncData() }
}
