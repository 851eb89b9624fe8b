import WardenYAML

/// Loads policy files and directories (or YAML text) into a compiled ``PolicySet``.
///
/// Loading never stops at the first problem: every file is read and every error reported with
/// its `file:line:col`; a set is produced only when there is no error at all.
public struct PolicyLoader: Sendable {
    /// The limits YAML parsing enforces per file.
    public var limits: YAMLLimits
    /// Whether paths that hold no policy file load as an empty set; when `false` (the default)
    /// that is an error, so a wrong path cannot pass as an empty policy tree.
    public var allowsEmpty: Bool

    /// Creates a loader.
    public init(limits: YAMLLimits = .default, allowsEmpty: Bool = false) {
        self.limits = limits
        self.allowsEmpty = allowsEmpty
    }

    /// The files `paths` name (directories expanded by the rules of ``load(paths:)``) and the
    /// problems found on the way, without reading any file.
    public func files(in paths: [String]) -> PolicyFileList {
        PolicyFileFinder.files(in: paths, allowEmpty: allowsEmpty)
    }

    /// Loads files and directories (recursively, `*.yaml`/`*.yml`, sorted path order; symbolic
    /// links followed, loops and special files skipped with a warning) and compiles them into
    /// one set. Finding no policy file is an error unless ``allowsEmpty``.
    public func load(paths: [String]) -> PolicyLoadResult {
        read(paths: paths).compile()
    }

    /// Loads one file or directory.
    public func load(path: String) -> PolicyLoadResult {
        load(paths: [path])
    }

    /// Loads policy YAML text; `file` is the label marks carry.
    public func load(yaml text: String, file: String = "<text>") -> PolicyLoadResult {
        read(yaml: text, file: file).compile()
    }

    /// Reads files and directories into definitions without compiling them.
    public func read(paths: [String]) -> PolicyReading {
        let list = files(in: paths)
        var reading = PolicyReading(diagnostics: list.diagnostics)
        reading.files = list.files
        let parser = YAMLParser(limits: limits)
        for file in list.files {
            do {
                reading.append(
                    read(
                        documents: try parser.parseFile(at: file), source: SourceLines(file: file, text: nil),
                        file: file))
            } catch {
                reading.diagnostics.append(PolicyDiagnostic(yaml: error))
            }
        }
        return reading
    }

    /// Reads policy YAML text into definitions without compiling them.
    public func read(yaml text: String, file: String = "<text>") -> PolicyReading {
        do {
            let documents = try YAMLParser(limits: limits).parse(text: text, file: file)
            return read(documents: documents, source: SourceLines(file: file, text: text), file: file)
        } catch {
            return PolicyReading(diagnostics: [PolicyDiagnostic(yaml: error)])
        }
    }

    /// Reads a list of registry entries (as a `warden test` file holds them) in `namespace`.
    /// `text` is the file's text when it is at hand (to place expression positions).
    public func read(entries node: YAMLNode, namespace: String, text: String? = nil) -> PolicyReading {
        var reader = PolicyDocumentReader(source: SourceLines(file: node.mark.file, text: text))
        reader.readEntries(node, namespace: namespace, fileMeta: [:])
        return reader.reading
    }

    private func read(documents: [YAMLNode], source: SourceLines, file: String) -> PolicyReading {
        guard !documents.isEmpty else {
            return PolicyReading(diagnostics: [
                .error(
                    .missingNamespace, at: Mark(file: file, line: 1, column: 1), "the file is empty",
                    hint: "add `namespace: <name>` and `entries:`, or remove the file")
            ])
        }
        var reader = PolicyDocumentReader(source: source)
        for document in documents { reader.readFile(document) }
        return reader.reading
    }
}
