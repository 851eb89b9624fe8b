/// A regular expression in RE2 / Go `regexp` syntax, compiled once and matched unanchored in
/// time linear in the subject: no backtracking, no timeouts, the same answer for every input.
///
/// One type serves every `matches` in Warden: policy conditions and the expression language.
/// A value is immutable and safe to share between threads. Patterns that are a plain literal,
/// optionally anchored with `^` and optionally followed by `.*`, are matched with a byte search
/// instead of the engine, which gives the same answer.
public struct RegularExpression: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let matcher: Matcher

    private enum Matcher: Sendable {
        case prefix([UInt8])
        case substring([UInt8])
        case engine(RE2Program)
    }

    /// The most memory RE2 may use for one compiled pattern and its matching caches (4 MiB).
    /// A pattern whose program does not fit is rejected at compile time ("pattern too large").
    public static let memoryLimit = 4 << 20

    /// Compiles `pattern`, or says why RE2 rejects it (its own message, e.g.
    /// `invalid escape sequence: \1` for a backreference).
    public static func compile(_ pattern: String) -> Result<RegularExpression, RegularExpressionError> {
        if let literal = LiteralPattern(pattern) {
            let matcher: Matcher = literal.anchored ? .prefix(literal.bytes) : .substring(literal.bytes)
            return .success(RegularExpression(pattern: pattern, matcher: matcher))
        }
        switch RE2Program.compile(pattern, memoryLimit: memoryLimit) {
        case .success(let program): return .success(RegularExpression(pattern: pattern, matcher: .engine(program)))
        case .failure(let error): return .failure(error)
        }
    }

    /// Whether the pattern matches anywhere in `subject` (compared as UTF-8).
    ///
    /// Throws only when the engine cannot give an answer (memory exhausted); callers must treat
    /// that as an evaluation error, never as "no match".
    public func matches(_ subject: String) throws(RegularExpressionMatchError) -> Bool {
        switch matcher {
        case .prefix(let bytes): return ByteSearch.hasPrefix(subject, bytes)
        case .substring(let bytes): return ByteSearch.contains(subject, bytes)
        case .engine(let program):
            guard let found = program.partialMatch(subject) else {
                throw RegularExpressionMatchError(pattern: pattern)
            }
            return found
        }
    }
}
