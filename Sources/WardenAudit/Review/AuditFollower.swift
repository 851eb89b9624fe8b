import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a live log (`tail -f`): each ``poll()`` returns the matching records appended since
/// the previous one. A JSON Lines log is followed across rotation (when its path names a new
/// file, the old one is read to its end first); an incomplete last line waits for its newline.
public final class AuditFollower {
    private let filter: AuditFilter
    private let backend: any FollowBackend

    private init(filter: AuditFilter, backend: any FollowBackend) {
        self.filter = filter
        self.backend = backend
    }

    /// Follows the JSON Lines log whose active file is `path`, starting at its beginning.
    public static func file(_ path: String, filter: AuditFilter = AuditFilter()) -> AuditFollower {
        AuditFollower(filter: filter, backend: FileFollowBackend(path: path))
    }

    /// Follows an audit database, starting at its first record.
    public static func database(_ path: String, filter: AuditFilter = AuditFilter()) throws(AuditReadError) -> AuditFollower {
        let database = try AuditDatabase.openForReading(path)
        return AuditFollower(filter: filter, backend: DatabaseFollowBackend(database: database, filter: filter))
    }

    /// The last `count` matching records present now (of the active file, for a JSON Lines log);
    /// later polls continue after them.
    public func backlog(_ count: Int) throws(AuditReadError) -> [AuditReadRecord] {
        var kept: [AuditReadRecord] = []
        for record in try poll() {
            kept.append(record)
            if kept.count > count { kept.removeFirst() }
        }
        return kept
    }

    /// Matching records appended since the previous call.
    public func poll() throws(AuditReadError) -> [AuditReadRecord] {
        try backend.poll().filter { filter.matches($0.record) }
    }
}

/// A source of newly appended records.
protocol FollowBackend: AnyObject {
    func poll() throws(AuditReadError) -> [AuditReadRecord]
}

/// Follows the active file of a JSON Lines log across rotation.
final class FileFollowBackend: FollowBackend {
    let path: String
    private var fd: FileDescriptor?
    private var identity: FileDescriptor.Status?
    private var offset: Int64 = 0
    private var lineNumber = 0
    private var pending: [UInt8] = []

    init(path: String) {
        self.path = path
    }

    deinit {
        if let fd { try? fd.closeFile() }
    }

    func poll() throws(AuditReadError) -> [AuditReadRecord] {
        var out: [AuditReadRecord] = []
        while true {
            if fd == nil, !(try openActive()) { return out }
            try readToEnd(into: &out)
            guard let current = identity else { return out }
            let named: FileDescriptor.Status?
            do { named = try FileDescriptor.status(ofPath: path) } catch {
                throw AuditReadError(.unreadable, at: AuditLocation(path: path, line: nil), "cannot inspect: \(error)")
            }
            // Still the same file (or the new one is not created yet): done for now.
            guard let named, named.device != current.device || named.inode != current.inode else { return out }
            try readToEnd(into: &out)  // records written to the old file before it was rotated
            if let old = fd { try? old.closeFile() }
            fd = nil
            identity = nil
        }
    }

    /// Opens the active file; `false` when it does not exist (yet).
    private func openActive() throws(AuditReadError) -> Bool {
        do {
            let opened = try FileDescriptor.openFile(path, O_RDONLY)
            fd = opened
            identity = try opened.status()
        } catch {
            if error.code == ENOENT { return false }
            throw AuditReadError(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)")
        }
        offset = 0
        lineNumber = 0
        pending = []
        return true
    }

    private func readToEnd(into out: inout [AuditReadRecord]) throws(AuditReadError) {
        guard let fd else { return }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let position = offset
            let result = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: position) }
            }
            let n: Int
            switch result {
            case .success(let count): n = count
            case .failure(let error):
                throw AuditReadError(.unreadable, at: AuditLocation(path: path, line: nil), "cannot read: \(error)")
            }
            if n == 0 { return }
            offset += Int64(n)
            var start = 0
            for i in 0..<n where chunk[i] == 0x0A {
                pending.append(contentsOf: chunk[start..<i])
                start = i + 1
                lineNumber += 1
                let location = AuditLocation(path: path, line: lineNumber)
                let record = try FileRecordSource.parse(pending, at: location)
                out.append(AuditReadRecord(record: record, line: String(decoding: pending, as: UTF8.self), location: location))
                pending.removeAll(keepingCapacity: true)
            }
            pending.append(contentsOf: chunk[start..<n])
            if pending.count > LineReader.maxLineBytes {
                throw AuditReadError(
                    .invalidRecord, at: AuditLocation(path: path, line: lineNumber + 1), "line longer than \(LineReader.maxLineBytes) bytes")
            }
        }
    }
}

/// Follows an audit database by polling for rows after the last one seen.
final class DatabaseFollowBackend: FollowBackend {
    let database: AuditDatabase
    private let source: DatabaseRecordSource

    init(database: AuditDatabase, filter: AuditFilter) {
        self.database = database
        self.source = DatabaseRecordSource(database: database, filter: filter, limit: nil, strategy: .scan)
    }

    func poll() throws(AuditReadError) -> [AuditReadRecord] {
        source.rewindExhaustion()
        var out: [AuditReadRecord] = []
        while let record = try source.next() { out.append(record) }
        return out
    }
}
