/// A chain hash as its 64 lowercase hex bytes, held inline.
package struct HashText: Equatable {
    private var words = SIMD8<UInt64>()

    /// The hash written in `bytes`; text that is not 64 bytes long is kept as a value no hash
    /// equals (hashes are checked to be 64 lowercase hex digits before they are compared).
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 64, let base = bytes.baseAddress else {
            words = SIMD8(repeating: .max)
            return
        }
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base, count: 64)) }
    }

    /// The hash written in `text`.
    package init(_ text: String) {
        var text = text
        self = text.withUTF8 { HashText($0) }
    }

    /// The hex text.
    package var string: String {
        withUnsafeBytes(of: words) { String(decoding: $0, as: UTF8.self) }
    }
}
