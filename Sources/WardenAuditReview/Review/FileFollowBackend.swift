import WardenAuditLog
import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows the active file of a JSON Lines log across rotation.
///
/// Archives that existed when following started are not read. When the active file is rotated,
/// the old file is read to its end, then every newer archive not read yet (a writer may rotate
/// several times between two polls), then the new active file. A file cut in place
/// (`copytruncate`) is read again from its start, and a notice says so.
final class FileFollowBackend: FollowBackend {
    let path: String
    let fileSet: AuditFileSet
    let notify: (AuditFollowNotice) -> Void
    var current: (fd: FileDescriptor, identity: FileDescriptor.Status)?
    /// Where reading continues in the current file.
    var offset: Int64 = 0
    /// The number of the last line read, `nil` when lines were not counted (after a backlog read
    /// from the end): an error's line number is then counted when needed.
    var lineNumber: Int? = 0
    /// Bytes of a line whose newline has not arrived yet.
    var pending: [UInt8] = []
    /// The last bytes read from the current file, to notice it being cut in place.
    var watch = TruncationWatch()
    /// Bytes read from files so far (the backlog must not read a large file whole).
    var bytesRead: Int64 = 0
    /// The newest archive number passed: archives up to it are read or predate following.
    private var passedArchive: Int
    /// Identities of files read to their end.
    private var consumed: [FileDescriptor.Status] = []

    init(path: String, notify: @escaping (AuditFollowNotice) -> Void = { _ in }) {
        self.path = path
        self.notify = notify
        self.fileSet = AuditFileSet(activePath: path)
        self.passedArchive = (try? fileSet.archives().last?.number) ?? 0
    }

    deinit {
        if let current { try? current.fd.closeFile() }
    }

    func location(_ file: String, line: Int? = nil) -> AuditLocation { AuditLocation(path: file, line: line) }

    func poll() throws(AuditReadError) -> [AuditReadRecord] {
        var out: [AuditReadRecord] = []
        if let open = current {
            try startOverIfTruncated(open.fd)
            try readToEnd(open.fd, file: path, into: &out)
            guard let named = try status(ofPath: path), !Self.same(named, open.identity) else { return out }
            // Rotated (or replaced): finish the old file first.
            try readToEnd(open.fd, file: path, into: &out)
            consumed.append(open.identity)
            try? open.fd.closeFile()
            current = nil
        }
        try catchUp(into: &out)
        if let open = current { try readToEnd(open.fd, file: path, into: &out) }
        return out
    }

    /// Reads unread archives newer than the last one passed, then opens the active file; repeats
    /// when a rotation happened in between.
    func catchUp(into out: inout [AuditReadRecord]) throws(AuditReadError) {
        while true {
            try readNewArchives(into: &out)
            guard let opened = try openActive() else { return }
            let newer = try archives().contains { $0.number > passedArchive }
            if !newer {
                current = opened
                return
            }
            try? opened.fd.closeFile()  // a rotation slipped in: read that archive first
        }
    }

    private func readNewArchives(into out: inout [AuditReadRecord]) throws(AuditReadError) {
        for archive in try archives() where archive.number > passedArchive {
            passedArchive = archive.number
            guard let named = try status(ofPath: archive.path), !consumed.contains(where: { Self.same($0, named) })
            else { continue }
            let fd: FileDescriptor
            do { fd = try FileDescriptor.openFile(archive.path, O_RDONLY) } catch {
                throw AuditReadError(.unreadable, at: location(archive.path), "cannot open: \(error)")
            }
            resetPosition()
            defer { try? fd.closeFile() }
            try readToEnd(fd, file: archive.path, into: &out)
            if let identity = try? fd.status() { consumed.append(identity) }
        }
    }

    private func openActive() throws(AuditReadError) -> (fd: FileDescriptor, identity: FileDescriptor.Status)? {
        do {
            let fd = try FileDescriptor.openFile(path, O_RDONLY)
            let identity = try fd.status()
            resetPosition()
            return (fd, identity)
        } catch {
            if error.code == ENOENT { return nil }
            throw AuditReadError(.unreadable, at: location(path), "cannot open: \(error)")
        }
    }

    func resetPosition() {
        offset = 0
        lineNumber = 0
        pending = []
        watch.reset()
    }

    /// Starts the active file over from its beginning when it was cut in place since the last look.
    private func startOverIfTruncated(_ fd: FileDescriptor) throws(AuditReadError) {
        let truncated: Bool
        do { truncated = try watch.wasTruncated(fd, readUpTo: offset) } catch {
            throw AuditReadError(.unreadable, at: location(path), "cannot inspect: \(error)")
        }
        guard truncated else { return }
        resetPosition()
        notify(AuditFollowNotice(.truncated, path: path))
    }

    private func archives() throws(AuditReadError) -> [(number: Int, path: String)] {
        do { return try fileSet.archives() } catch {
            throw AuditReadError(.unreadable, at: location(fileSet.directory), error.message)
        }
    }

    private func status(ofPath file: String) throws(AuditReadError) -> FileDescriptor.Status? {
        do { return try FileDescriptor.status(ofPath: file) } catch {
            throw AuditReadError(.unreadable, at: location(file), "cannot inspect: \(error)")
        }
    }

    private static func same(_ a: FileDescriptor.Status, _ b: FileDescriptor.Status) -> Bool {
        a.device == b.device && a.inode == b.inode
    }
}
