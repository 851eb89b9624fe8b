import WardenGlob

extension GlobPattern {
    /// What every match of the pattern starts with: the exact text, a literal prefix, or
    /// nothing known (the pattern starts with `*`).
    var indexKey: PatternIndexKey {
        if main.isLiteral { return .exact(main.literalPrefix) }
        let prefix = base?.literalPrefix ?? main.literalPrefix
        return prefix.isEmpty ? .none : .prefix(prefix)
    }

    /// Where an index files the pattern: like ``indexKey``, except that `a.b.*` is filed twice,
    /// under the exact `a.b` and under the prefix `a.b.` (no text matches both), which is more
    /// selective than the prefix `a.b`.
    var indexKeys: [PatternIndexKey] {
        if let base, base.isLiteral, main.segments.count == 2 {
            let exact = base.literalPrefix
            return [.exact(exact), .prefix(exact + [UInt8(ascii: ".")])]
        }
        return [indexKey]
    }

    /// Whether a text filed under `key` (reaching it in a trie) already proves the match:
    /// exact keys always do, prefix keys when the pattern is just that prefix and a final `*`.
    func indexKeyIsComplete(_ key: PatternIndexKey) -> Bool {
        switch key {
        case .exact: return true
        case .none: return false
        case .prefix:
            let plainPrefix = base == nil && main.segments.count == 2 && main.segments[1].isEmpty
            let dotStar = base?.isLiteral == true && main.segments.count == 2
            return plainPrefix || dotStar
        }
    }
}
