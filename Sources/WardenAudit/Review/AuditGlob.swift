/// A pattern with the policy language's `*` semantics, for review filters.
///
/// `*` matches any run of characters (including none) anywhere in the pattern; a pattern ending
/// in `.*` also matches the text before the `.*` (`process.spawn.*` matches `process.spawn`);
/// everything else is literal and compared byte-wise (UTF-8), case-sensitive.
public struct AuditGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern text.
    public let pattern: String
    private let segments: [[UInt8]]
    private let dotStarAlternative: [[UInt8]]?

    /// Compiles a pattern.
    public init(_ pattern: String) {
        self.pattern = pattern
        segments = Self.split(Array(pattern.utf8))
        if pattern.hasSuffix(".*") {
            dotStarAlternative = Self.split(Array(pattern.utf8.dropLast(2)))
        } else {
            dotStarAlternative = nil
        }
    }

    /// The pattern text.
    public var description: String { pattern }

    /// Whether the pattern has no `*` (it matches one exact value).
    public var isLiteral: Bool { segments.count == 1 }

    /// The text every match starts with: the literal part before the first `*` (of the `.*`
    /// alternative when there is one, which is shorter).
    public var literalPrefix: String {
        let first = (dotStarAlternative ?? segments)[0]
        return String(decoding: first, as: UTF8.self)
    }

    /// Whether `value` matches the pattern.
    public func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            Self.match(segments, bytes) || dotStarAlternative.map { Self.match($0, bytes) } == true
        }
    }

    private static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
    }

    /// Wildcard matching over literal segments separated by `*`: the first segment anchors the
    /// start, the last anchors the end, the middle ones are found left to right.
    private static func match(_ segments: [[UInt8]], _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = segments.first, let last = segments.last else { return false }
        if segments.count == 1 { return value.elementsEqual(first) }
        guard value.count >= first.count + last.count, value.starts(with: first),
            value.suffix(last.count).elementsEqual(last)
        else { return false }
        var position = first.count
        let end = value.count - last.count
        for segment in segments.dropFirst().dropLast() where !segment.isEmpty {
            guard let found = find(segment, in: value, from: position, to: end) else { return false }
            position = found + segment.count
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        guard end - from >= needle.count else { return nil }
        var i = from
        while i + needle.count <= end {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The smallest string greater than every string that starts with `prefix`, for an index
    /// range `value >= prefix AND value < upper`; `nil` when there is none.
    static func upperBound(ofPrefix prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            var next = last.value + 1
            if (0xD800...0xDFFF).contains(next) { next = 0xE000 }
            if let scalar = Unicode.Scalar(next) {
                scalars.append(scalar)
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars)
                return text
            }
        }
        return nil
    }
}
