import WardenValue
import WardenYAML

/// Parses `text` expecting exactly one document.
func parseOne(_ text: String, file: String = "test.yaml", limits: YAMLLimits = .default) throws -> YAMLNode {
    let docs = try YAMLParser(limits: limits).parse(text: text, file: file)
    guard docs.count == 1, let doc = docs.first else { throw Unexpected("expected one document, got \(docs.count)") }
    return doc
}

/// Parses `text` and returns the error it must fail with.
func parseError(_ text: String, file: String = "test.yaml", limits: YAMLLimits = .default) throws -> YAMLError {
    let docs: [YAMLNode]
    do {
        docs = try YAMLParser(limits: limits).parse(text: text, file: file)
    } catch {
        return error
    }
    throw Unexpected("expected an error, parsed \(docs.count) document(s)")
}

/// The value node at `key` of a mapping.
func at(_ node: YAMLNode, _ key: String) throws -> YAMLNode {
    guard let pair = node[key: key] else { throw Unexpected("no key `\(key)`") }
    return pair.value
}

/// The position of a node as `(line, column)`.
func position(_ node: YAMLNode) -> [Int] { [node.mark.line, node.mark.column] }

/// A test-side failure with a message.
struct Unexpected: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
