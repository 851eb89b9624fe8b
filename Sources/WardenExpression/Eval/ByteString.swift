/// String operations on UTF-8 bytes: exact, locale-free and independent of Unicode normalization,
/// like the byte-wise matching of action and resource patterns.
enum ByteString {
    /// Whether `a` and `b` have the same UTF-8 bytes.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `a` sorts before `b` by UTF-8 bytes (the same as by Unicode scalar values).
    static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether `s` starts with `prefix`.
    static func hasPrefix(_ s: String, _ prefix: some Collection<UInt8>) -> Bool {
        s.utf8.count >= prefix.count && s.utf8.starts(with: prefix)
    }

    /// Whether `s` ends with `suffix`.
    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let n = suffix.utf8.count
        guard s.utf8.count >= n else { return false }
        return s.utf8.suffix(n).elementsEqual(suffix.utf8)
    }

    /// Whether `needle` occurs in `haystack` (linear time: Knuth-Morris-Pratt).
    static func contains(_ haystack: String, _ needle: some Collection<UInt8>) -> Bool {
        firstIndex(of: Array(needle), in: Array(haystack.utf8), from: 0) != nil
    }

    /// The offset of the first occurrence of `needle` in `hay` at or after `start`.
    static func firstIndex(of needle: [UInt8], in hay: [UInt8], from start: Int) -> Int? {
        if needle.isEmpty { return start }
        guard hay.count - start >= needle.count else { return nil }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0, needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        k = 0
        for i in start..<hay.count {
            while k > 0, hay[i] != needle[k] { k = failure[k - 1] }
            if hay[i] == needle[k] { k += 1 }
            if k == needle.count { return i - needle.count + 1 }
        }
        return nil
    }

    /// Splits `s` at every `separator`; an empty separator splits into single characters
    /// (Unicode scalars). Stops with `nil` once more than `limit` parts would be produced.
    static func split(_ s: String, _ separator: String, limit: Int) -> [String]? {
        if separator.isEmpty {
            guard s.unicodeScalars.count <= limit else { return nil }
            return s.unicodeScalars.map { String($0) }
        }
        let hay = Array(s.utf8)
        let sep = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        while let found = firstIndex(of: sep, in: hay, from: start) {
            parts.append(String(decoding: hay[start..<found], as: UTF8.self))
            if parts.count >= limit { return nil }
            start = found + sep.count
        }
        parts.append(String(decoding: hay[start...], as: UTF8.self))
        return parts
    }

    /// `s` without leading and trailing characters from `set` (white space when `set` is nil).
    static func trim(_ s: String, _ set: String?) -> String {
        let scalars = Array(s.unicodeScalars)
        let cut: (Unicode.Scalar) -> Bool
        if let set {
            let members = Set(set.unicodeScalars)
            cut = { members.contains($0) }
        } else {
            cut = { $0.properties.isWhitespace }
        }
        guard let first = scalars.firstIndex(where: { !cut($0) }),
            let last = scalars.lastIndex(where: { !cut($0) })
        else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}
