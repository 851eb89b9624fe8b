import WardenAuditRecord

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONLFileSink {
    /// Appends the batch with one `write(2)` per file, rotating where a record would push the
    /// active file past ``rotateAtBytes``. On failure every file is cut back to its size before
    /// the batch; if that is impossible the sink refuses later writes.
    public func write(_ batch: [SealedRecord]) throws(AuditError) {
        try state.withLock { s throws(AuditError) in
            try checkUsable(s)
            try ensureActive(&s)
            var touched: [(fd: FileDescriptor, size: Int64)] = []
            var retired: [FileDescriptor] = []
            do throws(AuditError) {
                // By index: `batch[i].lineBytes` borrows the line, where `for sealed in batch`
                // would copy each record (a retain and release of every field of its entry).
                var bytes = 0
                for i in batch.indices { bytes += batch[i].lineBytes.count + 1 }
                var buffer: [UInt8] = []
                buffer.reserveCapacity(bytes)
                for i in batch.indices {
                    let length = Int64(batch[i].lineBytes.count + 1)
                    if let limit = rotateAtBytes, s.size + Int64(buffer.count) > 0,
                        s.size + Int64(buffer.count) + length > limit
                    {
                        try append(&buffer, &s, &touched)
                        if let old = try rotate(&s) { retired.append(old) }
                        try ensureActive(&s)
                    }
                    buffer.append(contentsOf: batch[i].lineBytes)
                    buffer.append(0x0A)
                }
                try append(&buffer, &s, &touched)
            } catch {
                rollBack(touched, &s, error)
                for old in retired where old.raw != s.fd?.raw { try? old.closeFile() }
                throw error
            }
            for old in retired { try? old.closeFile() }
        }
    }

    /// Flushes written records to stable storage.
    public func sync() throws(AuditError) {
        try state.withLock { s throws(AuditError) in
            try checkUsable(s)
            try syncActive(&s)
        }
    }

    /// Syncs, closes the file, and removes and releases the writer lock.
    public func close() throws(AuditError) {
        try state.withLock { s throws(AuditError) in
            guard !s.closed else { return }
            defer {
                if let fd = s.fd { try? fd.closeFile() }
                s.lock?.release()
                s.fd = nil
                s.lock = nil
                s.closed = true
            }
            if s.broken == nil { try syncActive(&s) }
        }
    }

    private func syncActive(_ s: inout State) throws(AuditError) {
        guard let fd = s.fd else { return }
        do { try s.dataSync.run(fd) } catch {
            let failure = AuditError(
                .syncFailed,
                "cannot sync audit log `\(path)`: \(error); the records may not be on disk, reopen the log once storage is healthy"
            )
            s.broken = failure
            throw failure
        }
    }

    private func checkUsable(_ s: State) throws(AuditError) {
        if s.closed { throw AuditError(.closed, "audit log `\(path)` is closed") }
        if let broken = s.broken {
            throw AuditError(
                .sinkBroken, "audit log `\(path)` refuses writes after an earlier failure (\(broken.message))")
        }
    }

    /// Makes sure an active file is open and that `path` still names it.
    private func ensureActive(_ s: inout State) throws(AuditError) {
        guard let fd = s.fd, let known = s.status else {
            let fd: FileDescriptor
            do { fd = try FileDescriptor.openFile(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL) } catch {
                throw AuditError(
                    .writeFailed,
                    "cannot create audit log `\(path)`: \(error); check that its directory exists and is writable")
            }
            do {
                s.status = try fd.status()
                try FileDescriptor.syncDirectory(fileSet.directory)
            } catch {
                try? fd.closeFile()
                throw AuditError(.writeFailed, "cannot create audit log `\(path)`: \(error)")
            }
            s.fd = fd
            s.size = 0
            return
        }
        let current: FileDescriptor.Status
        let named: FileDescriptor.Status?
        do {
            current = try fd.status()
            named = try FileDescriptor.status(ofPath: path)
        } catch {
            throw AuditError(.writeFailed, "cannot inspect audit log `\(path)`: \(error)")
        }
        guard current.links > 0, let named, named.device == known.device, named.inode == known.inode else {
            let failure = AuditError(
                .fileRemoved,
                "audit log `\(path)` was removed or replaced while open (or its directory was removed); records would be lost, "
                    + "so writes are refused: restore the directory and reopen the log")
            s.broken = failure
            throw failure
        }
    }

    /// Writes and empties `buffer` at the end of the active file.
    private func append(_ buffer: inout [UInt8], _ s: inout State, _ touched: inout [(fd: FileDescriptor, size: Int64)])
        throws(AuditError)
    {
        guard !buffer.isEmpty, let fd = s.fd else { return }
        if !touched.contains(where: { $0.fd.raw == fd.raw }) { touched.append((fd, s.size)) }
        let result = buffer.withUnsafeBytes { bytes in
            Result { () throws(SystemError) in try fd.writeAll(bytes) }
        }
        if case .failure(let error) = result {
            let hint = error.isOutOfSpace ? "free space on the device or move the log" : "check the file and its device"
            throw AuditError(.writeFailed, "cannot write audit log `\(path)`: \(error); \(hint)")
        }
        s.size += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Renames the active file to the next archive and clears the active slot; returns the old
    /// descriptor (kept open until the batch is done, for roll-back).
    private func rotate(_ s: inout State) throws(AuditError) -> FileDescriptor? {
        guard let old = s.fd else { return nil }
        do { try s.dataSync.run(old) } catch {
            throw AuditError(.rotationFailed, "cannot sync `\(path)` before rotating it: \(error)")
        }
        let number = (try fileSet.archives().last?.number ?? 0) + 1
        let archive = fileSet.archivePath(number: number)
        guard link(path, archive) == 0 else {
            throw AuditError(.rotationFailed, "cannot rotate `\(path)` to `\(archive)`: \(SystemError.last("link"))")
        }
        guard unlink(path) == 0 else {
            let error = SystemError.last("unlink")
            if unlink(archive) != 0 {
                s.broken = AuditError(.rotationFailed, "rotation of `\(path)` left it half done: \(error)")
            }
            throw AuditError(.rotationFailed, "cannot rotate `\(path)`: \(error)")
        }
        s.fd = nil
        s.status = nil
        s.size = 0
        return old
    }

    /// Cuts every file the failed batch touched back to its size before the batch.
    private func rollBack(_ touched: [(fd: FileDescriptor, size: Int64)], _ s: inout State, _ cause: AuditError) {
        for (fd, size) in touched {
            do {
                try fd.truncate(to: size)
                if fd.raw == s.fd?.raw { s.size = size }
            } catch {
                if s.broken == nil {
                    s.broken = AuditError(
                        .sinkBroken,
                        "a failed write (\(cause.message)) could not be undone: \(error); the log may end with a partial record"
                    )
                }
            }
        }
    }
}
