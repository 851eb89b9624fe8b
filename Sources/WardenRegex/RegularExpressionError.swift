/// Why a pattern is not a regular expression RE2 accepts.
public struct RegularExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    /// RE2's explanation, e.g. `invalid escape sequence: \1` or `missing ): (a`.
    public let reason: String

    /// Creates an error.
    public init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    /// `invalid regular expression `pattern`: reason`.
    public var description: String { "invalid regular expression `\(pattern)`: \(reason)" }

    /// How to fix a pattern RE2 rejects: the syntax it accepts and what it leaves out.
    public static let hint =
        "patterns use RE2 / Go `regexp` syntax (https://golang.org/s/re2syntax), which has no backreferences (`\\1`) and no look-around (`(?=`, `(?!`, `(?<=`); check brackets, parentheses and escapes"
}

/// The regular expression engine could not answer for one subject (memory exhausted).
public struct RegularExpressionMatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String

    /// Creates an error.
    public init(pattern: String) {
        self.pattern = pattern
    }

    /// What went wrong, lowercase.
    public var description: String {
        "the regular expression engine could not match `\(pattern)` (out of memory)"
    }
}
