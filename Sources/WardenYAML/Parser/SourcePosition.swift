/// Line/column arithmetic over raw input bytes, for errors libyaml reports as byte offsets.
enum SourcePosition {
    /// The 1-based mark of byte `offset`: lines split at `\n`, columns count Unicode scalars.
    static func mark(
        ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String
    ) -> Mark {
        var line = 1
        var column = 1
        for b in bytes.prefix(offset) {
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {  // count lead bytes only: one per scalar
                column += 1
            }
        }
        return Mark(file: file, line: line, column: column)
    }

    /// The byte offset of the first invalid UTF-8 sequence, or `nil` when all bytes are valid.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
