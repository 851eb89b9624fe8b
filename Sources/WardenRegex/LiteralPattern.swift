/// A pattern that is a plain literal: `lit`, `^lit`, `lit.*` or `^lit.*`, where `lit` holds only
/// characters that mean themselves in RE2 syntax. Such a pattern matches exactly when the
/// subject contains `lit` (or starts with it, when anchored), so no engine is needed.
struct LiteralPattern {
    /// The literal's UTF-8 bytes.
    let bytes: [UInt8]
    /// Whether the pattern starts with `^`.
    let anchored: Bool

    /// Characters that never mean anything special in an RE2 pattern outside a class.
    private static let plain: Set<UInt8> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:/@,;=!'\"%&~<>- ".utf8)

    /// The literal form of `pattern`, or `nil` when it needs the engine. The empty pattern (and
    /// `^`, `.*`) are literals too: they match every subject.
    init?(_ pattern: String) {
        var bytes = Array(pattern.utf8)
        let anchored = bytes.first == UInt8(ascii: "^")
        if anchored { bytes.removeFirst() }
        if bytes.count >= 2, bytes[bytes.count - 2] == UInt8(ascii: "."), bytes[bytes.count - 1] == UInt8(ascii: "*") {
            bytes.removeLast(2)
        }
        guard bytes.allSatisfy(Self.plain.contains) else { return nil }
        self.bytes = bytes
        self.anchored = anchored
    }
}
