/// Why a YAML text could not be read or converted, with where and how to fix it.
///
/// ``description`` is `file:line:col: error[code]: message`, the form every Warden diagnostic uses.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable kind of a YAML error; callers switch on it, the raw value is the kebab-case code.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// libyaml rejected the text (scanner, parser or reader error).
        case syntax
        /// The file or text is larger than ``YAMLLimits/maxBytes``.
        case fileTooLarge = "file-too-large"
        /// Collections nest deeper than ``YAMLLimits/maxDepth``.
        case tooDeep = "too-deep"
        /// More nodes than ``YAMLLimits/maxNodes``, counted after alias expansion.
        case tooManyNodes = "too-many-nodes"
        /// An alias names an anchor not defined before it in the same document.
        case unknownAlias = "unknown-alias"
        /// An alias refers to a node that contains the alias itself.
        case recursiveAlias = "recursive-alias"
        /// A mapping has the same key twice.
        case duplicateKey = "duplicate-key"
        /// A `<<` merge key whose value is not a mapping or a list of mappings.
        case invalidMerge = "invalid-merge"
        /// The file could not be opened or read.
        case unreadableFile = "unreadable-file"
        /// The file is not valid UTF-8.
        case invalidUTF8 = "invalid-utf8"
        /// A scalar's text does not fit its explicit tag (`!!int abc`), or a tag does not fit the
        /// node's kind (`!!map` on a scalar).
        case invalidValue = "invalid-value"
        /// A tag other than the core schema's (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`,
        /// `!!map`, `!!seq`, `!`) was met while converting to a value.
        case unknownTag = "unknown-tag"
        /// A mapping key is a mapping or a sequence, which a value map cannot hold.
        case nonScalarKey = "non-scalar-key"
    }

    /// The stable kind of the error.
    public var code: Code
    /// Where the problem is (1-based line and column).
    public var mark: Mark
    /// What is wrong: lowercase, no final period, user input in backticks.
    public var message: String
    /// How to fix it.
    public var hint: String

    /// Creates an error.
    public init(code: Code, mark: Mark, message: String, hint: String) {
        self.code = code
        self.mark = mark
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: error[code]: message`.
    public var description: String { "\(mark): error[\(code.rawValue)]: \(message)" }

    /// ``description`` followed by an indented `hint:` line.
    public var descriptionWithHint: String { "\(description)\n  hint: \(hint)" }
}
