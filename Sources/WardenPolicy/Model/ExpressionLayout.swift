import WardenYAML

/// Where an expression's text sits in its file, so positions the expression compiler reports
/// (relative to the text) become `file:line:col` marks.
public struct ExpressionLayout: Sendable, Hashable {
    /// One line of the expression's text as it appears in the file.
    struct SourceLine: Sendable, Hashable {
        /// The file line.
        var line: Int
        /// The file column of the line's first character.
        var column: Int
        /// The number of Unicode scalars on the line.
        var length: Int
    }

    enum Shape: Sendable, Hashable {
        /// The text starts at `start` on one line (plain or quoted scalars).
        case inline(start: Mark)
        /// A literal block (`|`): expression line n is file line `lines[n - 1]`.
        case literal([SourceLine])
        /// A folded block (`>`): the file lines were joined with spaces.
        case folded([SourceLine])
    }

    /// The mark of the node holding the expression (the fallback).
    public let node: Mark
    let shape: Shape

    /// An expression written inline, its first character at `start`.
    public static func inline(at start: Mark) -> ExpressionLayout {
        ExpressionLayout(node: start, shape: .inline(start: start))
    }

    /// The file mark of a position (1-based line and column) in the expression text; the node's
    /// mark when the position cannot be placed.
    public func mark(line: Int, column: Int) -> Mark {
        switch shape {
        case .inline(let start):
            guard line == 1 else { return node }
            return Mark(file: start.file, line: start.line, column: start.column + column - 1)
        case .literal(let lines):
            if lines.indices.contains(line - 1) {
                let source = lines[line - 1]
                return Mark(file: node.file, line: source.line, column: source.column + column - 1)
            }
            // Past the last line (the end of a text with a final line break): the end of the
            // last line with content.
            guard line > lines.count, let last = lines.last(where: { $0.length > 0 }) else { return node }
            return Mark(file: node.file, line: last.line, column: last.column + last.length)
        case .folded(let lines):
            guard line == 1 else { return node }
            var remaining = column
            for source in lines {
                if remaining <= source.length + 1 {
                    return Mark(file: node.file, line: source.line, column: source.column + remaining - 1)
                }
                remaining -= source.length + 1
            }
            return node
        }
    }
}
