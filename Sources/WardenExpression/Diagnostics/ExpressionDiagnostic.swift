/// One problem found while loading an expression, with a stable code and its position.
public struct ExpressionDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The closed set of load-time problems; each has a stable kebab-case ``rawValue``.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The text is not a valid expression (bad token, missing operand, unbalanced brackets).
        case syntax = "expr-syntax"
        /// A call names a function that does not exist.
        case unknownFunction = "expr-unknown-function"
        /// A builtin is called with the wrong number of arguments.
        case arity = "expr-arity"
        /// The expression, or a part that must be a boolean, can never be a boolean.
        case notBoolean = "expr-not-boolean"
        /// An operator or builtin is applied to values of types it can never accept.
        case type = "expr-type"
        /// A regular expression literal does not compile.
        case badRegex = "expr-bad-regex"
        /// The right side of `matches` is not a constant string.
        case dynamicRegex = "expr-dynamic-regex"
        /// The expression nests deeper than the limit.
        case tooDeep = "expr-too-deep"
        /// The source text is longer than the limit.
        case tooLong = "expr-too-long"
        /// A list or map literal has more elements than the limit.
        case tooLarge = "expr-too-large"
    }

    /// What kind of problem this is.
    public var code: Code
    /// A lowercase message saying what is wrong and how to fix it.
    public var message: String
    /// Where in the expression text the problem is.
    public var position: SourcePosition

    /// Creates a diagnostic.
    public init(code: Code, message: String, position: SourcePosition) {
        self.code = code
        self.message = message
        self.position = position
    }

    /// `line:column: code: message`.
    public var description: String { "\(position): \(code.rawValue): \(message)" }
}
