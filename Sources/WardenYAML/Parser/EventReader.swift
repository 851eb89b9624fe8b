import CLibYAML

/// Pulls events from libyaml's event API over an owned copy of the input bytes.
///
/// Not `Sendable`: one reader belongs to one parse call. It owns the libyaml parser and the input
/// buffer libyaml reads from, and frees both in `deinit`.
final class EventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let file: String
    private var initialized = false

    /// Prepares libyaml to read `bytes` (which must already be valid UTF-8).
    init(bytes: [UInt8], file: String) throws(YAMLError) {
        self.file = file
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(
                code: .syntax, mark: Mark(file: file, line: 1, column: 1),
                message: "libyaml could not allocate a parser",
                hint: "retry with more memory available")
        }
        initialized = true
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or a `syntax` error carrying libyaml's problem, context and position.
    func next() throws(YAMLError) -> ParseEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw libyamlError() }
        defer { yaml_event_delete(&event) }
        let mark = self.mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text =
                s.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self)
                } ?? ""
            return .scalar(
                text: text, style: Self.style(s.style), tag: Self.tag(s.tag),
                anchor: Self.string(s.anchor), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(tag: Self.tag(s.tag), anchor: Self.string(s.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return .mappingStart(tag: Self.tag(m.tag), anchor: Self.string(m.anchor), mark: mark)
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default:
            throw YAMLError(
                code: .syntax, mark: mark, message: "libyaml produced an unexpected event",
                hint: "check that the system libyaml is version 0.2 or later")
        }
    }

    /// Converts a 0-based libyaml mark into a 1-based ``Mark``.
    private func mark(_ m: yaml_mark_t) -> Mark {
        Mark(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// The parser's current error as a ``YAMLError``.
    private func libyamlError() -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch p.error {
        case YAML_READER_ERROR:
            let offset = min(p.problem_offset, input.count)
            let position = SourcePosition.mark(
                ofByteOffset: offset, in: UnsafeBufferPointer(input), file: file)
            return YAMLError(
                code: .syntax, mark: position, message: "\(problem) (byte offset \(offset))",
                hint: "remove control characters and other bytes YAML does not allow")
        case YAML_MEMORY_ERROR:
            return YAMLError(
                code: .syntax, mark: mark(p.problem_mark), message: "libyaml ran out of memory",
                hint: "make the file smaller")
        default:
            var message = problem
            if let context = p.context.map({ String(cString: $0) }) {
                let c = mark(p.context_mark)
                message += " \(context) started at \(c.line):\(c.column)"
            }
            return YAMLError(
                code: .syntax, mark: mark(p.problem_mark), message: message,
                hint: "check indentation, quoting and the `:`/`-` markers near this position")
        }
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// The tag in its short form: `tag:yaml.org,2002:str` becomes `!!str`.
    private static func tag(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let full = string(p) else { return nil }
        let prefix = "tag:yaml.org,2002:"
        return full.hasPrefix(prefix) ? "!!" + full.dropFirst(prefix.count) : full
    }

    private static func style(_ s: yaml_scalar_style_t) -> ScalarStyle {
        switch s {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
