#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin wrapper over a POSIX file descriptor; the owner closes it.
package struct FileDescriptor: Sendable {
    /// The raw descriptor.
    package let raw: Int32

    /// Identity and size of an open file.
    package struct Status: Equatable, Sendable {
        package var device: UInt64
        package var inode: UInt64
        package var links: UInt64
        package var size: Int64
        package var isRegular: Bool
    }

    /// Opens `path` with `flags` (`O_CLOEXEC` is always added).
    package static func openFile(_ path: String, _ flags: Int32, mode: mode_t = 0o640) throws(SystemError)
        -> FileDescriptor
    {
        while true {
            let fd = open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return FileDescriptor(raw: fd) }
            if errno != EINTR { throw .last("open") }
        }
    }

    /// Writes all of `bytes`, retrying short writes and `EINTR`.
    package func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let n = write(raw, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw .last("write")
            }
            if n == 0 { throw SystemError(operation: "write", code: EIO) }
            offset += n
        }
    }

    /// Reads up to `buffer.count` bytes; 0 at end of file.
    package func readBytes(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        while true {
            let n = read(raw, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw .last("read") }
        }
    }

    /// Reads up to `buffer.count` bytes at `offset`; 0 at end of file.
    package func readBytes(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(SystemError) -> Int {
        while true {
            let n = pread(raw, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 { return n }
            if errno != EINTR { throw .last("read") }
        }
    }

    /// Flushes written data (and the size) to stable storage.
    package func syncData() throws(SystemError) {
        #if os(Linux)
        let rc = fdatasync(raw)
        #else
        let rc = fsync(raw)
        #endif
        if rc != 0 { throw .last("fsync") }
    }

    /// Cuts the file to `size` bytes.
    package func truncate(to size: Int64) throws(SystemError) {
        if ftruncate(raw, off_t(size)) != 0 { throw .last("ftruncate") }
    }

    /// Identity, link count and size of the open file.
    package func status() throws(SystemError) -> Status {
        var st = stat()
        if fstat(raw, &st) != 0 { throw .last("fstat") }
        return Status(st)
    }

    /// Takes an exclusive advisory lock without waiting; `false` when another holder has it.
    package func tryLockExclusive() throws(SystemError) -> Bool {
        if flock(raw, LOCK_EX | LOCK_NB) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw .last("flock")
    }

    /// Closes the descriptor.
    package func closeFile() throws(SystemError) {
        if close(raw) != 0 { throw .last("close") }
    }

    /// Identity and size of the file at `path` (following symbolic links); `nil` when absent.
    package static func status(ofPath path: String) throws(SystemError) -> Status? {
        var st = stat()
        if stat(path, &st) != 0 {
            if errno == ENOENT { return nil }
            throw .last("stat")
        }
        return Status(st)
    }

    /// Flushes the directory entry changes of `directory` (after create and rename).
    package static func syncDirectory(_ directory: String) throws(SystemError) {
        let fd = try openFile(directory, O_RDONLY | O_DIRECTORY)
        defer { try? fd.closeFile() }
        if fsync(fd.raw) != 0 { throw .last("fsync") }
    }
}

extension FileDescriptor.Status {
    package init(_ st: stat) {
        device = UInt64(truncatingIfNeeded: st.st_dev)
        inode = UInt64(truncatingIfNeeded: st.st_ino)
        links = UInt64(truncatingIfNeeded: st.st_nlink)
        size = Int64(st.st_size)
        isRegular = (st.st_mode & S_IFMT) == S_IFREG
    }
}
