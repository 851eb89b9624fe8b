/// Parses YAML with the system libyaml into ``YAMLNode`` trees, one per document.
///
/// Input must be UTF-8. Limits (``YAMLLimits``) are enforced before and while parsing: the size
/// before libyaml sees a byte, nesting depth and node count (after alias expansion) per event.
public struct YAMLParser: Sendable {
    /// The limits every parse call enforces.
    public var limits: YAMLLimits

    /// Creates a parser with the given limits.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Parses `text`; `file` is the label every mark carries. Returns one node per document; an
    /// empty stream (nothing, or only comments) yields no documents, an empty document (`---`
    /// alone) yields a null scalar.
    public func parse(text: String, file: String = "<text>") throws(YAMLError) -> [YAMLNode] {
        try checkSize(text.utf8.count, file: file)
        return try run(Array(text.utf8), file: file)
    }

    /// Parses raw bytes, which must be UTF-8; see ``parse(text:file:)``.
    public func parse(bytes: [UInt8], file: String) throws(YAMLError) -> [YAMLNode] {
        try checkSize(bytes.count, file: file)
        if let offset = SourcePosition.firstInvalidUTF8(in: bytes) {
            let mark = bytes.withUnsafeBufferPointer {
                SourcePosition.mark(ofByteOffset: offset, in: $0, file: file)
            }
            throw YAMLError(
                code: .invalidUTF8, mark: mark,
                message: "the file is not valid UTF-8 (first bad byte at offset \(offset))",
                hint: "save the file as UTF-8")
        }
        return try run(bytes, file: file)
    }

    /// Reads and parses the file at `path`; marks carry `path` as given. Files larger than
    /// ``YAMLLimits/maxBytes`` are refused without being read in full.
    public func parseFile(at path: String) throws(YAMLError) -> [YAMLNode] {
        let bytes = try FileReader.readAll(path: path, maxBytes: limits.maxBytes)
        return try parse(bytes: bytes, file: path)
    }

    private func checkSize(_ size: Int, file: String) throws(YAMLError) {
        guard size > limits.maxBytes else { return }
        throw Self.tooLarge(file: file, limit: limits.maxBytes)
    }

    /// The `file-too-large` error for `file`.
    static func tooLarge(file: String, limit: Int) -> YAMLError {
        YAMLError(
            code: .fileTooLarge, mark: Mark(file: file, line: 1, column: 1),
            message: "the file is larger than \(limit) bytes",
            hint: "split it into several files")
    }

    private func run(_ bytes: [UInt8], file: String) throws(YAMLError) -> [YAMLNode] {
        let reader = try EventReader(bytes: bytes, file: file)
        var builder = StreamBuilder(limits: limits, file: file)
        while true {
            let event = try reader.next()
            try builder.handle(event)
            if case .streamEnd = event { return builder.documents }
        }
    }
}
