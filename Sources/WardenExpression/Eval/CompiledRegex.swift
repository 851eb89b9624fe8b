import Foundation

/// A regular expression compiled once at load time, matched unanchored.
///
/// Patterns use ICU syntax (`NSRegularExpression`). Patterns that are a plain literal,
/// optionally anchored with `^` and optionally followed by `.*`, are matched with a byte
/// search instead, which gives the same answer without the regex engine.
struct CompiledRegex: Sendable {
    private enum Matcher: Sendable {
        case prefix([UInt8])
        case substring([UInt8])
        case engine(NSRegularExpression)
    }

    /// The pattern as written.
    let pattern: String
    private let matcher: Matcher

    /// Compiles `pattern`; `nil` when it is not a valid regular expression. The empty pattern
    /// is rejected, as ICU rejects it (it would match everything).
    init?(_ pattern: String) {
        self.pattern = pattern
        guard !pattern.isEmpty else { return nil }
        if let literal = CompiledRegex.literalForm(pattern) {
            matcher = literal
            return
        }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        matcher = .engine(regex)
    }

    /// Whether the pattern matches anywhere in `subject`.
    func matches(_ subject: String) -> Bool {
        switch matcher {
        case .prefix(let bytes): return ByteString.hasPrefix(subject, bytes)
        case .substring(let bytes): return ByteString.contains(subject, bytes)
        case .engine(let regex):
            let range = NSRange(location: 0, length: subject.utf16.count)
            return regex.rangeOfFirstMatch(in: subject, options: [], range: range).location != NSNotFound
        }
    }

    /// Characters that never mean anything special in an ICU pattern outside a class.
    private static let plain: Set<UInt8> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:/@,;=!'\"%&~<>- ".utf8)

    /// `^lit`, `^lit.*`, `lit`, `lit.*` with `lit` made of plain characters only.
    private static func literalForm(_ pattern: String) -> Matcher? {
        var bytes = Array(pattern.utf8)
        let anchored = bytes.first == UInt8(ascii: "^")
        if anchored { bytes.removeFirst() }
        if bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "."), bytes[bytes.count - 1] == UInt8(ascii: "*") {
            bytes.removeLast(2)
        }
        guard bytes.allSatisfy(plain.contains) else { return nil }
        return anchored ? .prefix(bytes) : .substring(bytes)
    }
}
