/// Why evaluating an expression failed, with the position of the failing node.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set of evaluation failures; each has a stable kebab-case ``code``.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Member access or indexing on `nil` without `?.`.
        case nilMember = "expr-nil-member"
        /// A member of the actor other than `id` and `meta`.
        case unknownMember = "expr-unknown-member"
        /// An operator or builtin got a value of a type it does not accept.
        case type = "expr-type-error"
        /// A list index outside the list.
        case indexOutOfRange = "expr-index-out-of-range"
        /// Integer arithmetic overflowed.
        case overflow = "expr-overflow"
        /// Division or remainder by zero.
        case divisionByZero = "expr-division-by-zero"
        /// Evaluation took more steps than the limit allows.
        case stepLimit = "expr-step-limit"
        /// A produced list or string is larger than the limit allows.
        case sizeLimit = "expr-size-limit"
        /// A value is nested too deeply to compare.
        case valueTooDeep = "expr-value-too-deep"
        /// The result is not a boolean where one is required.
        case notBoolean = "expr-not-boolean"
        /// The regular expression engine could not answer a `matches` (memory exhausted).
        case regexFailed = "expr-regex-failed"
    }

    /// What went wrong.
    public var kind: Kind
    /// A lowercase message saying what went wrong and how to avoid it.
    public var message: String
    /// Where in the expression text the failing node is.
    public var position: SourcePosition

    /// Creates an error.
    public init(kind: Kind, message: String, position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.position = position
    }

    /// The stable kebab-case code of ``kind``.
    public var code: String { kind.rawValue }

    /// `line:column: code: message`.
    public var description: String { "\(position): \(code): \(message)" }
}
