import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock file `.NAME.jsonl.lock` beside a log that keeps a second writer out (`flock`).
///
/// The file is removed when the writer closes. Removing a lock file is safe only because every
/// writer checks, once it holds the lock, that the path still names the file it locked: a writer
/// that opened the file just before its holder removed it then finds the path gone (or naming a
/// newer file) and starts over, instead of believing itself alone while a third writer locks a
/// new file under the same name. The holder removes the file while it still holds the lock, so
/// no live writer's lock file is ever removed.
struct WriterLock: Sendable {
    /// The lock file's path.
    let path: String
    private let fd: FileDescriptor

    /// How often acquiring starts over because the lock file was removed or replaced meanwhile.
    static let attempts = 100

    /// The lock file of the log `fileSet`.
    static func path(for fileSet: AuditFileSet) -> String {
        "\(fileSet.directory)/.\(fileSet.stem)\(fileSet.fileExtension).lock"
    }

    /// Takes the lock of the log `fileSet` without waiting; `afterOpening` runs between opening
    /// the lock file and locking it (tests put a competing writer there).
    /// - Throws: ``AuditError`` `.locked` when another writer holds it, `.openFailed` when the
    ///   lock file cannot be created or locked.
    static func acquire(_ fileSet: AuditFileSet, afterOpening: () -> Void = {}) throws(AuditError) -> WriterLock {
        let lockPath = path(for: fileSet)
        for _ in 0..<attempts {
            let fd: FileDescriptor
            do {
                fd = try FileDescriptor.openFile(lockPath, O_RDWR | O_CREAT, mode: 0o600)
            } catch {
                throw AuditError(
                    .openFailed,
                    "cannot open audit lock file `\(lockPath)`: \(error); check the directory's permissions")
            }
            afterOpening()
            let locked: Bool
            let stillNamed: Bool
            do {
                locked = try fd.tryLockExclusive()
                stillNamed = try locked && Self.names(lockPath, fd)
            } catch {
                try? fd.closeFile()
                throw AuditError(.openFailed, "cannot lock `\(lockPath)`: \(error)")
            }
            guard locked else {
                try? fd.closeFile()
                throw AuditError(
                    .locked,
                    "audit log `\(fileSet.activePath)` is in use by another writer (lock `\(lockPath)` is held); stop it or choose another path"
                )
            }
            if stillNamed { return WriterLock(path: lockPath, fd: fd) }
            try? fd.closeFile()  // the holder removed it as this writer locked it: take the new one
        }
        throw AuditError(
            .openFailed,
            "cannot lock `\(lockPath)`: the lock file was replaced \(attempts) times while locking; another process keeps removing it"
        )
    }

    /// Whether `path` names the file open as `fd`.
    private static func names(_ path: String, _ fd: FileDescriptor) throws(SystemError) -> Bool {
        guard let named = try FileDescriptor.status(ofPath: path) else { return false }
        let open = try fd.status()
        return named.device == open.device && named.inode == open.inode
    }

    /// Removes the lock file (if it is still this lock's) and releases the lock.
    func release() {
        if (try? Self.names(path, fd)) == true { unlink(path) }
        try? fd.closeFile()
    }
}
