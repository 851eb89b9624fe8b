import WardenGlob

/// Whether every text one pattern matches is also matched by another (a sound, incomplete test
/// used by the linter: `true` means certainly covered).
enum PatternCoverage {
    /// Whether `outer` matches everything `inner` matches.
    static func covers(_ outer: GlobPattern, _ inner: GlobPattern) -> Bool {
        if outer.text == inner.text { return true }
        let outerSegments = outer.main.segments
        if outerSegments.allSatisfy(\.isEmpty) { return true }  // `*`, `**`, ...
        let innerStart: [UInt8]
        switch inner.indexKey {
        case .exact(let bytes): innerStart = bytes
        case .prefix(let bytes): innerStart = bytes
        case .none: return false
        }
        if let base = outer.base, base.isLiteral, outerSegments.count == 2 {
            // `B.*`: matches `B` and `B.` followed by anything.
            let b = base.literalPrefix
            if case .exact = inner.indexKey, innerStart == b { return true }
            return innerStart.starts(with: b + [UInt8(ascii: ".")])
        }
        if outerSegments.count == 2, outerSegments[1].isEmpty {
            // `X*`: matches everything starting with X.
            return innerStart.starts(with: outerSegments[0])
        }
        return false
    }
}
