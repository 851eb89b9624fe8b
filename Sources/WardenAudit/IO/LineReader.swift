#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in large chunks, reporting whether each line ended with a newline.
final class LineReader {
    /// One line without its newline.
    struct Line {
        /// The line's bytes.
        var bytes: [UInt8]
        /// 1-based line number.
        var number: Int
        /// Whether a newline ended the line (`false` only for a last line cut short).
        var terminated: Bool
        /// Byte offset of the line's start in the file.
        var offset: Int64
    }

    /// The longest line accepted; longer ones are reported as ``LineReaderError/lineTooLong``.
    static let maxLineBytes = 16 << 20

    private let fd: FileDescriptor
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var lineNumber = 0
    private var fileOffset: Int64 = 0

    /// Opens `path` for reading, starting at byte `offset` (line numbers continue from `lineNumber`).
    init(path: String, offset: Int64 = 0, lineNumber: Int = 0, chunk: Int = 1 << 20) throws(SystemError) {
        let fd = try FileDescriptor.openFile(path, O_RDONLY)
        if offset > 0, lseek(fd.raw, off_t(offset), SEEK_SET) < 0 {
            let error = SystemError.last("lseek")
            try? fd.closeFile()
            throw error
        }
        self.fd = fd
        buffer = [UInt8](repeating: 0, count: chunk)
        fileOffset = offset
        self.lineNumber = lineNumber
    }

    deinit {
        try? fd.closeFile()
    }

    /// The byte offset just after the last line returned.
    var offset: Int64 { fileOffset }

    /// The next line, or `nil` at the end of the file.
    func next() throws(LineReaderError) -> Line? {
        var scanned = 0  // bytes after `start` known to hold no newline
        while true {
            if let newline = buffer[(start + scanned)..<end].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<newline])
                return emit(line, consumed: newline + 1 - start, terminated: true, nextStart: newline + 1)
            }
            if atEOF {
                guard start < end else { return nil }
                let line = Array(buffer[start..<end])
                return emit(line, consumed: end - start, terminated: false, nextStart: end)
            }
            scanned = end - start
            if scanned >= Self.maxLineBytes {
                throw .lineTooLong(line: lineNumber + 1, limit: Self.maxLineBytes)
            }
            try fill()
        }
    }

    private func emit(_ bytes: [UInt8], consumed: Int, terminated: Bool, nextStart: Int) -> Line {
        lineNumber += 1
        let line = Line(bytes: bytes, number: lineNumber, terminated: terminated, offset: fileOffset)
        fileOffset += Int64(consumed)
        start = nextStart
        return line
    }

    /// Moves the unread bytes to the front, grows the buffer if full, and reads more.
    private func fill() throws(LineReaderError) {
        if start > 0 {
            let pending = end - start
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + start, pending)
            }
            end = pending
            start = 0
        }
        if end == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let readCount = end
        let result = buffer.withUnsafeMutableBytes { raw in
            Result { () throws(SystemError) -> Int in
                try fd.readBytes(into: UnsafeMutableRawBufferPointer(rebasing: raw[readCount...]))
            }
        }
        let n: Int
        switch result {
        case .success(let count): n = count
        case .failure(let error): throw .system(error)
        }
        if n == 0 { atEOF = true }
        end += n
    }
}

/// Why a file could not be read line by line.
enum LineReaderError: Error {
    /// A read failed.
    case system(SystemError)
    /// A line is longer than the limit (most likely the file is not a log).
    case lineTooLong(line: Int, limit: Int)
}
