/// A place in an expression's source text: 1-based line and column.
///
/// Columns count Unicode scalars from the start of the line, so a caller that knows where the
/// expression text starts in a file can map the position into that file.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line within the expression text.
    public var line: Int
    /// The 1-based column (in Unicode scalars) within the line.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The first character of the expression.
    public static let start = SourcePosition(line: 1, column: 1)

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Orders positions by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
