/// One action or resource pattern (spec section 3), split once so matching is a byte scan.
///
/// `*` matches any run of characters anywhere; a pattern ending in `.*` also matches the text
/// before the `.*`; everything else is literal and compared byte-wise, case-sensitive.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    let main: Glob
    /// For a pattern ending in `.*`: the text before it, which also matches.
    let base: Glob?

    /// Compiles a pattern. Every string is a valid pattern.
    public init(_ text: String) {
        self.text = text
        main = Glob(text)
        base = text.hasSuffix(".*") ? Glob(String(decoding: text.utf8.dropLast(2), as: UTF8.self)) : nil
    }

    /// The pattern as written.
    public var description: String { text }

    /// Whether `subject` matches the pattern.
    public func matches(_ subject: String) -> Bool {
        var copy = subject
        return copy.withUTF8 { matches(bytes: $0) }
    }

    /// Whether the UTF-8 bytes `subject` match the pattern.
    func matches(bytes subject: UnsafeBufferPointer<UInt8>) -> Bool {
        if main.matches(subject) { return true }
        if let base { return base.matches(subject) }
        return false
    }

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

/// Where an index files a pattern.
enum PatternIndexKey: Hashable {
    /// Only these exact bytes match.
    case exact([UInt8])
    /// Every match starts with these bytes.
    case prefix([UInt8])
    /// Anything may match.
    case none
}
