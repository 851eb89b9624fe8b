/// A `*` glob over UTF-8 bytes: `*` matches any run of bytes, everything else is literal.
///
/// Because UTF-8 is self-synchronising and literal segments are whole strings, matching bytes
/// gives the same answer as matching characters would, without Unicode normalisation.
public struct Glob: Sendable, Hashable {
    /// The literal pieces between the stars; one piece means "no star".
    public let segments: [[UInt8]]

    /// Splits `text` at its stars. Every string is a valid glob.
    public init(_ text: String) {
        segments = text.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false)
            .map { Array($0) }
    }

    /// Whether the glob has no `*`.
    public var isLiteral: Bool { segments.count == 1 }

    /// The bytes before the first `*` (all of them for a literal glob).
    public var literalPrefix: [UInt8] { segments[0] }

    /// Whether `subject` matches the whole glob: the first segment anchors the start, the last
    /// anchors the end, the middle ones are found left to right.
    public func matches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = segments[0]
        if segments.count == 1 { return Glob.equal(subject, 0, first) && subject.count == first.count }
        let last = segments[segments.count - 1]
        guard subject.count >= first.count + last.count,
            Glob.equal(subject, 0, first),
            Glob.equal(subject, subject.count - last.count, last)
        else { return false }
        var position = first.count
        let end = subject.count - last.count
        var index = 1
        while index < segments.count - 1 {
            let segment = segments[index]
            guard let found = Glob.find(segment, in: subject, from: position, to: end) else { return false }
            position = found + segment.count
            index += 1
        }
        return true
    }

    /// Whether `subject[offset...]` starts with `bytes` (false when it is too short).
    @inline(__always)
    static func equal(_ subject: UnsafeBufferPointer<UInt8>, _ offset: Int, _ bytes: [UInt8]) -> Bool {
        guard offset >= 0, subject.count - offset >= bytes.count else { return false }
        var i = 0
        while i < bytes.count {
            if subject[offset + i] != bytes[i] { return false }
            i += 1
        }
        return true
    }

    /// The first offset in `from..<to` where `needle` occurs entirely inside the range.
    static func find(
        _ needle: [UInt8], in subject: UnsafeBufferPointer<UInt8>, from: Int, to: Int
    ) -> Int? {
        if needle.isEmpty { return from }
        var start = from
        while start + needle.count <= to {
            if Glob.equal(subject, start, needle) { return start }
            start += 1
        }
        return nil
    }
}
