/// One action or resource pattern (spec section 3), split once so matching is a byte scan.
///
/// `*` matches any run of characters anywhere; a pattern ending in `.*` also matches the text
/// before the `.*`; everything else is literal and compared byte-wise, case-sensitive.
///
/// This is the one definition of the pattern language: policies match actions and resources
/// with it, and the audit review filters (`--actor`, `--action`, ...) match record fields with it.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let text: String
    /// The pattern as a plain glob.
    public let main: Glob
    /// For a pattern ending in `.*`: the text before it, which also matches.
    public let base: Glob?

    /// Compiles a pattern. Every string is a valid pattern.
    public init(_ text: String) {
        self.text = text
        main = Glob(text)
        base = text.hasSuffix(".*") ? Glob(String(decoding: text.utf8.dropLast(2), as: UTF8.self)) : nil
    }

    /// The pattern as written.
    public var description: String { text }

    /// Whether the pattern has no `*` (it matches one exact text).
    public var isLiteral: Bool { main.isLiteral }

    /// The text every match starts with: the literal part before the first `*` (of the text
    /// before a final `.*` when there is one, which is shorter).
    public var literalPrefix: String {
        String(decoding: (base ?? main).literalPrefix, as: UTF8.self)
    }

    /// Whether `subject` matches the pattern.
    public func matches(_ subject: String) -> Bool {
        var copy = subject
        return copy.withUTF8 { matches(bytes: $0) }
    }

    /// Whether the UTF-8 bytes `subject` match the pattern.
    public func matches(bytes subject: UnsafeBufferPointer<UInt8>) -> Bool {
        if main.matches(subject) { return true }
        if let base { return base.matches(subject) }
        return false
    }
}
