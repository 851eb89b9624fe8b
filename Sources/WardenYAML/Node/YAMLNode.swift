import WardenValue

/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct Mark: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as given to the parser (or a label such as `<stdin>`).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    /// Creates a mark.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form every diagnostic starts with.
    public var description: String { "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column.
    public static func < (a: Mark, b: Mark) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// How a scalar was written; quoted and block scalars are always strings.
public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted; resolved with the YAML 1.2 core schema.
    case plain
    /// `'...'`
    case singleQuoted
    /// `"..."`
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded
}

/// One node of a parsed YAML document. Every node knows where it starts.
///
/// Aliases are already expanded (an alias yields a copy of the anchored node, with the anchor's
/// mark) and `<<` merge keys already applied, so consumers never see either.
public struct YAMLNode: Sendable, Hashable {
    /// The node's content.
    public enum Content: Sendable, Hashable {
        /// A scalar: its text exactly as written (after unquoting / folding) and its style.
        case scalar(String, ScalarStyle)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping, in document order. Keys are unique (a duplicate key is a parse error).
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts.
    public var mark: Mark
    /// The explicit tag, if one was written (`!!str`, `!custom`); `nil` otherwise.
    public var tag: String?

    /// Creates a node.
    public init(content: Content, mark: Mark, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }
}

/// A key/value pair of a mapping; both sides keep their marks.
public struct YAMLPair: Sendable, Hashable {
    /// The key node (a scalar for all files Warden reads).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
