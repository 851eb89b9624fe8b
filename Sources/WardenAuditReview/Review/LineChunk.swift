/// Holds the lines of many read records in one allocation: lines are appended until it is full,
/// and the bytes written are never changed or moved, so each record can keep a reference and a
/// range instead of an array of its own.
final class LineChunk: @unchecked Sendable {
    // Safe: bytes are only appended (by the one reader that owns the chunk) and a range is handed
    // out only after its bytes are written; handed-out ranges are never written again.
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// A chunk with room for `capacity` bytes.
    init(capacity: Int) {
        storage = .allocate(capacity: max(1, capacity))
    }

    deinit {
        storage.deallocate()
    }

    /// Copies `line` in and returns its range, or `nil` when it does not fit.
    func append(_ line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard line.count <= storage.count - count else { return nil }
        let start = count
        if let source = line.baseAddress, let target = storage.baseAddress {
            (target + start).update(from: source, count: line.count)
        }
        count += line.count
        return start..<count
    }

    /// The text of the bytes in `range`.
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: storage[range]), as: UTF8.self)
    }

    /// Copies lines into chunks, starting a new chunk when one is full.
    struct Writer {
        private var current: LineChunk?
        private let size: Int

        /// A writer filling chunks of `size` bytes (larger for a longer line).
        init(size: Int = 64 << 10) {
            self.size = size
        }

        /// The chunk and range now holding a copy of `line`.
        mutating func store(_ line: UnsafeBufferPointer<UInt8>) -> (chunk: LineChunk, range: Range<Int>) {
            if let current, let range = current.append(line) { return (current, range) }
            let chunk = LineChunk(capacity: max(size, line.count))
            current = chunk
            return (chunk, chunk.append(line) ?? 0..<0)
        }
    }
}
