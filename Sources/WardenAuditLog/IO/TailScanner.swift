import WardenAuditRecord

/// Finds the last line of a file by reading backwards from its end.
enum TailScanner {
    /// The last line of the first `size` bytes of `fd`.
    struct Tail {
        /// The line's bytes, without the newline.
        var bytes: [UInt8]
        /// Offset of the line's first byte.
        var offset: Int64
        /// Whether the file ends with a newline.
        var terminated: Bool
    }

    /// The last line of a file of `size` bytes; `nil` for an empty file.
    static func lastLine(of fd: FileDescriptor, size: Int64, limit: Int = LineReader.maxLineBytes) throws(AuditError)
        -> Tail?
    {
        guard size > 0 else { return nil }
        let chunk: Int64 = 1 << 16
        var collected: [UInt8] = []
        var position = size
        var terminated: Bool?
        while position > 0 {
            let length = min(chunk, position)
            position -= length
            var piece = [UInt8](repeating: 0, count: Int(length))
            let read = piece.withUnsafeMutableBytes { raw in
                Result { () throws(SystemError) -> Int in try fd.readBytes(into: raw, at: position) }
            }
            switch read {
            case .success(let n) where n == Int(length): break
            case .success:
                throw AuditError(.openFailed, "the audit file changed size while its last record was read")
            case .failure(let error):
                throw AuditError(.openFailed, "cannot read the end of the audit file: \(error)")
            }
            if terminated == nil {
                terminated = piece.last == 0x0A
                if terminated == true { piece.removeLast() }
            }
            if let newline = piece.lastIndex(of: 0x0A) {
                let line = Array(piece[(newline + 1)...]) + collected
                return Tail(bytes: line, offset: position + Int64(newline) + 1, terminated: terminated ?? false)
            }
            collected = piece + collected
            if collected.count > limit {
                throw AuditError(
                    .openFailed, "the last line of the audit file is longer than \(limit) bytes; it is not an audit log"
                )
            }
        }
        return Tail(bytes: collected, offset: 0, terminated: terminated ?? false)
    }
}
