/// The expression's UTF-8 bytes, for quoting parts of it in messages and traces.
struct SourceText: Sendable {
    let bytes: [UInt8]

    init(_ source: String) { bytes = Array(source.utf8) }

    /// The text of `span`, cut to about `limit` bytes (at a character boundary) with `...`.
    func slice(_ span: Range<Int>, limit: Int = .max) -> String {
        let lower = max(0, min(span.lowerBound, bytes.count))
        var upper = max(lower, min(span.upperBound, bytes.count))
        var cut = false
        if upper - lower > limit {
            upper = lower + limit
            while upper > lower, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
            cut = true
        }
        let text = String(decoding: bytes[lower..<upper], as: UTF8.self)
        return cut ? text + "..." : text
    }
}
