import WardenSync
import WardenValue

/// Collects writes and passes them on in blocks of 64 KiB (and on ``flush()``), so a command
/// printing a record per line makes one write per block instead of one per line.
final class BlockBufferedOutput: TextOutput {
    private let target: any TextOutput
    private let pending = Locked("")
    private static let blockBytes = 1 << 16

    /// Buffers writes to `target`.
    init(_ target: any TextOutput) {
        self.target = target
    }

    /// Appends `text`; passes the buffer on once it holds a block.
    func write(_ text: String) {
        let full = pending.withLock { buffer -> String? in
            buffer += text
            guard buffer.utf8.count >= Self.blockBytes else { return nil }
            defer { buffer = "" }
            return buffer
        }
        if let full { target.write(full) }
    }

    /// Passes on whatever is buffered.
    func flush() {
        let text = pending.withLock { buffer -> String in
            defer { buffer = "" }
            return buffer
        }
        if !text.isEmpty { target.write(text) }
    }
}
