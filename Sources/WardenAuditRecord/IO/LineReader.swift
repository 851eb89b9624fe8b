#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in large chunks, reporting whether each line ended with a newline.
package final class LineReader {
    /// One line without its newline.
    package struct Line {
        /// The line's bytes.
        package var bytes: [UInt8]
        /// 1-based line number.
        package var number: Int
        /// Whether a newline ended the line (`false` only for a last line cut short).
        package var terminated: Bool
        /// Byte offset of the line's start in the file.
        package var offset: Int64
    }

    /// One line without its newline, its bytes borrowed from the reader's buffer: valid until
    /// the next call to the reader.
    package struct LineView {
        /// The line's bytes.
        package var bytes: UnsafeBufferPointer<UInt8>
        /// 1-based line number.
        package var number: Int
        /// Whether a newline ended the line (`false` only for a last line cut short).
        package var terminated: Bool
    }

    /// The longest line accepted; longer ones are reported as ``LineReaderError/lineTooLong``.
    package static let maxLineBytes = 16 << 20

    private let fd: FileDescriptor
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var lineNumber = 0
    private var fileOffset: Int64 = 0

    /// Opens `path` for reading, starting at byte `offset` (line numbers continue from `lineNumber`).
    package init(path: String, offset: Int64 = 0, lineNumber: Int = 0, chunk: Int = 1 << 20) throws(SystemError) {
        let fd = try FileDescriptor.openFile(path, O_RDONLY)
        if offset > 0, lseek(fd.raw, off_t(offset), SEEK_SET) < 0 {
            let error = SystemError.last("lseek")
            try? fd.closeFile()
            throw error
        }
        self.fd = fd
        buffer = .allocate(capacity: max(chunk, 1))
        fileOffset = offset
        self.lineNumber = lineNumber
    }

    deinit {
        buffer.deallocate()
        try? fd.closeFile()
    }

    /// The byte offset just after the last line returned.
    package var offset: Int64 { fileOffset }

    /// The next line, or `nil` at the end of the file.
    package func next() throws(LineReaderError) -> Line? {
        let lineOffset = fileOffset
        guard let view = try nextView() else { return nil }
        return Line(bytes: Array(view.bytes), number: view.number, terminated: view.terminated, offset: lineOffset)
    }

    /// The next line, borrowed from the buffer (see ``LineView``), or `nil` at the end of the file.
    package func nextView() throws(LineReaderError) -> LineView? {
        var scanned = 0  // bytes after `start` known to hold no newline
        while true {
            if let base = buffer.baseAddress, end > start + scanned,
                let found = memchr(base + start + scanned, 0x0A, end - start - scanned)
            {
                let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                return emit(start..<newline, consumed: newline + 1 - start, terminated: true, nextStart: newline + 1)
            }
            if atEOF {
                guard start < end else { return nil }
                return emit(start..<end, consumed: end - start, terminated: false, nextStart: end)
            }
            scanned = end - start
            if scanned >= Self.maxLineBytes {
                throw .lineTooLong(line: lineNumber + 1, limit: Self.maxLineBytes)
            }
            try fill()
        }
    }

    private func emit(_ range: Range<Int>, consumed: Int, terminated: Bool, nextStart: Int) -> LineView {
        lineNumber += 1
        let line = LineView(
            bytes: UnsafeBufferPointer(rebasing: buffer[range]), number: lineNumber, terminated: terminated)
        fileOffset += Int64(consumed)
        start = nextStart
        return line
    }

    /// Moves the unread bytes to the front, grows the buffer if full, and reads more.
    private func fill() throws(LineReaderError) {
        if start > 0 {
            let pending = end - start
            if pending > 0, let base = buffer.baseAddress { memmove(base, base + start, pending) }
            end = pending
            start = 0
        }
        if end == buffer.count {
            let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: buffer.count * 2)
            _ = grown.initialize(from: buffer)
            buffer.deallocate()
            buffer = grown
        }
        let n: Int
        do throws(SystemError) {
            n = try fd.readBytes(
                into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[end...])))
        } catch {
            throw .system(error)
        }
        if n == 0 { atEOF = true }
        end += n
    }
}

/// Why a file could not be read line by line.
package enum LineReaderError: Error {
    /// A read failed.
    case system(SystemError)
    /// A line is longer than the limit (most likely the file is not a log).
    case lineTooLong(line: Int, limit: Int)
}
