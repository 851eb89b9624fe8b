import WardenAuditRecord

/// Counts the lines of a file before an offset: the line number of a line found without reading
/// the file from its start (reading backwards), needed only when a message names that line.
enum LineCounter {
    /// The number of newlines in the first `offset` bytes of `fd`.
    static func newlines(in fd: FileDescriptor, before offset: Int64) throws(SystemError) -> Int {
        var block = [UInt8](repeating: 0, count: 1 << 20)
        var position: Int64 = 0
        var count = 0
        while position < offset {
            let wanted = Int(min(Int64(block.count), offset - position))
            let start = position
            let n = try block.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in
                    try fd.readBytes(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<wanted]), at: start)
                }
            }.get()
            if n == 0 { break }
            for byte in block[0..<n] where byte == 0x0A { count += 1 }
            position += Int64(n)
        }
        return count
    }
}
