/// Byte-wise (UTF-8) substring search, the way `contains` compares string forms.
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`, comparing UTF-8 bytes.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count <= h.count else { return false }
                if n.isEmpty { return true }
                var start = 0
                while start + n.count <= h.count {
                    var i = 0
                    while i < n.count, h[start + i] == n[i] { i += 1 }
                    if i == n.count { return true }
                    start += 1
                }
                return false
            }
        }
    }
}
