import WardenAuditRecord

/// Reads the lines of a file backwards, last line first, in blocks read from the end: finding
/// the last N lines of a large file reads about N lines' worth of bytes, not the whole file.
final class BackwardLineReader {
    /// One line without its newline.
    struct Line {
        /// The line's bytes.
        var bytes: [UInt8]
        /// Byte offset of the line's first byte.
        var offset: Int64
        /// Whether a newline ends the line (`false` only for the file's last line when the file
        /// does not end with one).
        var terminated: Bool
    }

    private let fd: FileDescriptor
    private let floor: Int64
    private let blockSize: Int
    /// Bytes of the file from `bufferStart` on that are not returned yet (up to the end of the
    /// next line to return, or up to the next block when a line is longer than one).
    private var buffer: [UInt8] = []
    private var bufferStart: Int64
    /// Whether the next line to return is the file's last (whose newline decides `terminated`).
    private var atLastLine = true
    private var finished = false
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0

    /// Reads the lines of `fd` between `floor` (a line start) and `end` (the file's size when
    /// reading starts), in blocks of `blockSize` bytes.
    init(_ fd: FileDescriptor, from end: Int64, floor: Int64 = 0, blockSize: Int = 1 << 16) {
        self.fd = fd
        self.floor = min(floor, end)
        self.bufferStart = end
        self.blockSize = max(1, blockSize)
    }

    /// The line before the one returned last (at first, the file's last line), or `nil` when
    /// `floor` is reached.
    func previous() throws(BackwardReadError) -> Line? {
        guard !finished else { return nil }
        var terminated = true  // the newline before the line returned last ended this one
        if atLastLine {
            atLastLine = false
            guard bufferStart > floor else {
                finished = true
                return nil
            }
            try readBlock()
            terminated = buffer.last == 0x0A
            if terminated { buffer.removeLast() }
        }
        let lineEnd = bufferStart + Int64(buffer.count)
        // Blocks of a line longer than the buffer, nearest to its end first: each block is read
        // and searched once, and the line is put together once.
        var later: [[UInt8]] = []
        while true {
            if let newline = buffer.lastIndex(of: 0x0A) {
                let line = Line(
                    bytes: Self.join(buffer[(newline + 1)...], later), offset: bufferStart + Int64(newline) + 1,
                    terminated: terminated)
                buffer.removeSubrange(newline...)
                return line
            }
            if bufferStart == floor {
                finished = true
                return Line(bytes: Self.join(buffer[...], later), offset: bufferStart, terminated: terminated)
            }
            if lineEnd - bufferStart >= Int64(LineReader.maxLineBytes) {
                throw .lineTooLong(endingAt: lineEnd)
            }
            later.append(buffer)
            try readBlock()
        }
    }

    /// `first` followed by the blocks of `later` from the last to the first.
    private static func join(_ first: ArraySlice<UInt8>, _ later: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(first.count + later.reduce(0) { $0 + $1.count })
        bytes.append(contentsOf: first)
        for block in later.reversed() { bytes.append(contentsOf: block) }
        return bytes
    }

    /// Reads the block before `bufferStart` into the buffer.
    private func readBlock() throws(BackwardReadError) {
        let length = Int(min(Int64(blockSize), bufferStart - floor))
        let position = bufferStart - Int64(length)
        var block = [UInt8](repeating: 0, count: length)
        let result = block.withUnsafeMutableBytes { raw in
            Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: position) }
        }
        switch result {
        case .success(let n) where n == length: break
        case .success: throw .shrank
        case .failure(let error): throw .system(error)
        }
        bytesRead += Int64(length)
        bufferStart = position
        buffer = block
    }
}

/// Why a file could not be read backwards.
enum BackwardReadError: Error {
    /// A read failed.
    case system(SystemError)
    /// A line ending at the offset is longer than ``LineReader/maxLineBytes`` (most likely the
    /// file is not a log).
    case lineTooLong(endingAt: Int64)
    /// The file became shorter while it was read (truncated meanwhile).
    case shrank
}
