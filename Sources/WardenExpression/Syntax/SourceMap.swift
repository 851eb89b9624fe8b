/// Turns UTF-8 byte offsets into 1-based line and column (in Unicode scalars) positions.
struct SourceMap: Sendable {
    private let lineStarts: [Int]
    /// For each byte offset (and the end), how many Unicode scalars start before it.
    private let scalarsBefore: [Int32]

    /// Indexes the line starts and scalar counts of `bytes`.
    init(_ bytes: [UInt8]) {
        var starts = [0]
        var counts: [Int32] = []
        counts.reserveCapacity(bytes.count + 1)
        var scalars: Int32 = 0
        for (i, b) in bytes.enumerated() {
            counts.append(scalars)
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == UInt8(ascii: "\n") { starts.append(i + 1) }
        }
        counts.append(scalars)
        lineStarts = starts
        scalarsBefore = counts
    }

    /// The position of the byte at `offset` (an offset at the end names the place after the text).
    func position(_ offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, scalarsBefore.count - 1))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = Int(scalarsBefore[offset] - scalarsBefore[lineStarts[low]]) + 1
        return SourcePosition(line: low + 1, column: column)
    }
}
