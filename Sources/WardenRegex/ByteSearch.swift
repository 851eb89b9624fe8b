import CRE2

/// Byte-wise (UTF-8) prefix and substring tests for literal patterns.
enum ByteSearch {
    /// Whether `subject` starts with `prefix`.
    static func hasPrefix(_ subject: String, _ prefix: [UInt8]) -> Bool {
        subject.utf8.count >= prefix.count && subject.utf8.starts(with: prefix)
    }

    /// Whether `needle` occurs in `subject` (the C library's `memmem`, linear time).
    static func contains(_ subject: String, _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        var text = subject
        return text.withUTF8 { hay in
            hay.withMemoryRebound(to: CChar.self) { h in
                needle.withUnsafeBufferPointer { n in
                    n.withMemoryRebound(to: CChar.self) { n in
                        cre2_contains_bytes(h.baseAddress, h.count, n.baseAddress, n.count) == 1
                    }
                }
            }
        }
    }
}
