import Foundation
import WardenYAML

/// The lines of a policy file's text, read only when a block-scalar expression needs them to
/// place the expression compiler's positions.
final class SourceLines {
    private let file: String
    private var text: String?
    private lazy var lines: [Substring] = {
        let content =
            text ?? FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return content.split(separator: "\n", omittingEmptySubsequences: false)
    }()

    /// Lines of `text`, or of the file at `file` when `text` is `nil`.
    init(file: String, text: String?) {
        self.file = file
        self.text = text
    }

    /// The layout of an expression scalar.
    func layout(of node: YAMLNode) -> ExpressionLayout {
        switch node.scalarStyle {
        case .singleQuoted?, .doubleQuoted?:
            var start = node.mark
            start.column += 1
            return .inline(at: start)
        case .literal?:
            return ExpressionLayout(node: node.mark, shape: .literal(blockLines(after: node.mark)))
        case .folded?:
            return ExpressionLayout(node: node.mark, shape: .folded(blockLines(after: node.mark)))
        default:
            return .inline(at: node.mark)
        }
    }

    /// The content lines of a block scalar whose indicator is at `mark`.
    private func blockLines(after mark: Mark) -> [ExpressionLayout.SourceLine] {
        var result: [ExpressionLayout.SourceLine] = []
        var indent: Int?
        var index = mark.line  // 0-based index of the line after the indicator
        while index < lines.count {
            let line = lines[index]
            let spaces = line.prefix { $0 == " " }.unicodeScalars.count
            let length = line.unicodeScalars.count
            if spaces == length {  // blank line: part of the block
                result.append(.init(line: index + 1, column: (indent ?? spaces) + 1, length: 0))
            } else {
                if indent == nil { indent = spaces }
                guard let indent, spaces >= indent else { break }
                result.append(.init(line: index + 1, column: indent + 1, length: length - indent))
            }
            index += 1
        }
        return result
    }
}
