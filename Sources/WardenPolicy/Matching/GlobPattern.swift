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

    /// How an index can find the pattern: by the exact text, by a literal prefix every match
    /// starts with, or not at all (the pattern starts with `*`).
    var indexKey: PatternIndexKey {
        if main.isLiteral { return .exact(text) }
        let prefix = base?.literalPrefix ?? main.literalPrefix
        return prefix.isEmpty ? .none : .prefix(prefix)
    }
}

/// Where an index files a pattern.
enum PatternIndexKey: Hashable {
    /// Only this exact text matches.
    case exact(String)
    /// Every match starts with these bytes.
    case prefix([UInt8])
    /// Anything may match.
    case none
}
