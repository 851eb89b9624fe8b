import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The permissions of an audit database: those of the JSON Lines log (`rw-r-----`), not
/// SQLite's world-readable default. SQLite gives the `-wal`, `-shm` and `-journal` files the
/// database file's own mode, so creating that file first with this mode covers all four.
enum DatabaseFileMode {
    /// `0640`: the owner writes, the group reads, others get nothing (before the umask).
    static let mode: mode_t = 0o640

    /// Creates an empty database file at `path` with ``mode`` unless a file is there already;
    /// SQLite takes an empty file for a new database. When the file cannot be created here,
    /// SQLite's own attempt reports why.
    static func createIfAbsent(_ path: String) {
        // SQLite's names for memory and URI databases are not files to create.
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:") else { return }
        guard let fd = try? FileDescriptor.openFile(path, O_RDWR | O_CREAT | O_EXCL, mode: mode) else { return }
        try? fd.closeFile()
    }
}
