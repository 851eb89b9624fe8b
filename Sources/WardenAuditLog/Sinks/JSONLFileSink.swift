import Logging
import Synchronization
import WardenAuditRecord
import WardenSync

#if canImport(Glibc)
import Glibc
import WardenValue
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The default sink: one JSON Lines file, append-only, rotated by size.
///
/// - The active file is `NAME.jsonl`; when a batch would grow it past ``rotateAtBytes`` it is
///   renamed to the next archive `NAME.000001.jsonl`, `NAME.000002.jsonl`, ... and a new active
///   file is created. The chain simply continues: the first record of the new file carries the
///   last hash of the previous one.
/// - Opening an existing log continues its chain after the last record of the active file (or
///   of the newest archive when the active file is empty or missing). That record must verify
///   on its own; an unterminated last line (a write cut short by a crash) is cut off and logged.
/// - A lock file `.NAME.jsonl.lock` beside the log keeps a second writer out; closing removes it.
/// - Before each batch the sink checks that its path still names the open file, so a removed or
///   replaced file (or directory) fails the write instead of losing records silently.
public final class JSONLFileSink: AuditSink {
    /// The active file's path.
    public let path: String
    /// The active file and its archives.
    public let fileSet: AuditFileSet
    /// The size past which the active file is rotated; `nil` never rotates.
    public let rotateAtBytes: Int64?
    /// Where the chain continues: the last record found when the sink was opened.
    public let chainHead: AuditChainHead
    /// The id of that record, `nil` when the log was empty.
    public let lastRecordID: String?

    struct State {
        /// The writer lock, held until close.
        var lock: WriterLock?
        var fd: FileDescriptor?
        var status: FileDescriptor.Status?
        var size: Int64 = 0
        var broken: AuditError?
        var closed = false
        /// How written data reaches stable storage (the system's data sync outside tests).
        var dataSync = DataSync.system
    }

    let state: Locked<State>
    let logger: Logger

    /// Opens (or creates) the log at `path` and finds where its chain continues.
    /// - Throws: ``AuditError`` when the directory is missing, the file cannot be opened, another
    ///   writer holds the lock, or the last record does not verify.
    public init(path: String, rotateAtBytes: Int64? = nil, logger: Logger = Logger(label: "warden.audit"))
        throws(AuditError)
    {
        self.path = path
        self.fileSet = AuditFileSet(activePath: path)
        self.rotateAtBytes = rotateAtBytes.map { max(1, $0) }
        self.logger = logger
        let directory = fileSet.directory
        let directoryExists: Bool
        do { directoryExists = try FileDescriptor.status(ofPath: directory) != nil } catch {
            throw AuditError(.openFailed, "cannot open audit log `\(path)`: \(error)")
        }
        guard directoryExists else {
            throw AuditError(
                .openFailed,
                "cannot open audit log `\(path)`: directory `\(directory)` does not exist; create it or choose another path"
            )
        }
        let lock = try WriterLock.acquire(fileSet)
        do throws(AuditError) {
            let opened = try Self.openActive(path, logger: logger)
            var last = opened.last
            if last == nil { last = try Self.archiveLastRecord(fileSet) }
            self.chainHead = last.map { AuditChainHead(seq: $0.seq, hash: $0.hash) } ?? .genesis
            self.lastRecordID = last?.id
            self.state = Locked(State(lock: lock, fd: opened.fd, status: opened.status, size: opened.size))
        } catch {
            lock.release()
            throw error
        }
    }

    deinit {
        state.withLock { s in
            if let fd = s.fd { try? fd.closeFile() }
            s.lock?.release()
            s.fd = nil
            s.lock = nil
        }
    }

    struct Opened {
        var fd: FileDescriptor
        var status: FileDescriptor.Status
        var size: Int64
        /// The last record found in this file; `nil` when the file holds no record.
        var last: AuditRecord?
    }

    /// Opens the active file for appending, cuts an unterminated last line, reads the head.
    static func openActive(_ path: String, logger: Logger) throws(AuditError) -> Opened {
        let existed: Bool
        let fd: FileDescriptor
        do {
            existed = try FileDescriptor.status(ofPath: path) != nil
            fd = try FileDescriptor.openFile(path, O_RDWR | O_APPEND | O_CREAT)
        } catch {
            throw AuditError(
                .openFailed, "cannot open audit log `\(path)`: \(error); check the path and its permissions")
        }
        do throws(AuditError) {
            var status = try Self.status(fd, path)
            guard status.isRegular else {
                throw AuditError(
                    .openFailed, "cannot open audit log `\(path)`: it is not a regular file; choose a file path")
            }
            if !existed {
                do { try FileDescriptor.syncDirectory(AuditFileSet(activePath: path).directory) } catch {
                    throw AuditError(.openFailed, "cannot sync the directory of `\(path)`: \(error)")
                }
            }
            var head: AuditRecord?
            if let tail = try TailScanner.lastLine(of: fd, size: status.size) {
                if tail.terminated {
                    head = try Self.lastRecord(tail.bytes, path: path, offset: tail.offset)
                } else {
                    // Cut an incomplete last record, but only from a file that is an audit log.
                    if let previous = try TailScanner.lastLine(of: fd, size: tail.offset) {
                        head = try Self.lastRecord(previous.bytes, path: path, offset: previous.offset)
                    } else if !tail.bytes.starts(with: RecordLine.recordPrefix) {
                        throw AuditError(
                            .openFailed,
                            "cannot open audit log `\(path)`: the file is not an audit log; choose another path")
                    }
                    logger.warning(
                        "audit log ends with an incomplete record (a write was cut short); cutting it off",
                        metadata: [
                            "audit.path": "\(path)", "audit.offset": "\(tail.offset)",
                            "audit.bytes": "\(tail.bytes.count)",
                        ])
                    do { try fd.truncate(to: tail.offset) } catch {
                        throw AuditError(.openFailed, "cannot cut the incomplete last record of `\(path)`: \(error)")
                    }
                    status.size = tail.offset
                }
            }
            return Opened(fd: fd, status: status, size: status.size, last: head)
        } catch {
            try? fd.closeFile()
            throw error
        }
    }

    /// The last record of the newest archive, `nil` when there is none.
    static func archiveLastRecord(_ fileSet: AuditFileSet) throws(AuditError) -> AuditRecord? {
        for archive in try fileSet.archives().reversed() {
            let fd: FileDescriptor
            do { fd = try FileDescriptor.openFile(archive.path, O_RDONLY) } catch {
                throw AuditError(.openFailed, "cannot open audit archive `\(archive.path)`: \(error)")
            }
            defer { try? fd.closeFile() }
            let size = try Self.status(fd, archive.path).size
            guard let tail = try TailScanner.lastLine(of: fd, size: size), tail.terminated else {
                if size == 0 { continue }
                throw AuditError(
                    .openFailed,
                    "cannot continue the audit chain: archive `\(archive.path)` ends with an incomplete record; run `warden audit verify`"
                )
            }
            return try lastRecord(tail.bytes, path: archive.path, offset: tail.offset)
        }
        return nil
    }

    /// The last record of a file, which must verify on its own.
    private static func lastRecord(_ line: [UInt8], path: String, offset: Int64) throws(AuditError) -> AuditRecord {
        do {
            return try RecordLine.verify(line)
        } catch {
            throw AuditError(
                .openFailed,
                "cannot continue the audit chain: the last record of `\(path)` (byte \(offset)) does not verify: \(error.message); "
                    + "run `warden audit verify` and move the damaged file aside")
        }
    }

    static func status(_ fd: FileDescriptor, _ path: String) throws(AuditError) -> FileDescriptor.Status {
        do { return try fd.status() } catch {
            throw AuditError(.openFailed, "cannot inspect audit log `\(path)`: \(error)")
        }
    }
}
