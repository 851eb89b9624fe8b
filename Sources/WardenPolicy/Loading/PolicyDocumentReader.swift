import WardenValue
import WardenYAML

/// Reads the YAML of policy files into definitions, collecting every problem on the way
/// (spec sections 1, 4 and 5). Entries with a problem produce no definition.
struct PolicyDocumentReader {
    var reading = PolicyReading()
    let source: SourceLines

    init(source: SourceLines) {
        self.source = source
    }

    // MARK: Diagnostics

    mutating func error(_ code: DiagnosticCode, _ mark: Mark, _ message: String, hint: String? = nil) {
        reading.diagnostics.append(.error(code, at: mark, message, hint: hint))
    }

    mutating func warning(_ code: DiagnosticCode, _ mark: Mark, _ message: String, hint: String? = nil) {
        reading.diagnostics.append(.warning(code, at: mark, message, hint: hint))
    }

    /// Reports keys not in `allowed`; returns whether all keys were known.
    @discardableResult
    mutating func checkKeys(
        _ pairs: [YAMLPair], allowed: [String], in place: String, severity: DiagnosticSeverity = .error,
        code: DiagnosticCode = .unknownKey, extraHint: [String: String] = [:]
    ) -> Bool {
        var clean = true
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            guard !allowed.contains(key) else { continue }
            if severity == .error { clean = false }
            let hint =
                extraHint[key]
                ?? Suggestion.hint(
                    for: key, in: allowed,
                    otherwise: "allowed keys are " + allowed.map { "`\($0)`" }.joined(separator: ", "))
            reading.diagnostics.append(
                PolicyDiagnostic(
                    severity, code, at: pair.key.mark, "unknown key \(UserText.quoted(key)) in \(place)", hint: hint))
        }
        return clean
    }

    /// The value of a mapping node as a string map; `nil` (with an error) when it is not one.
    mutating func readMeta(_ node: YAMLNode, in place: String) -> [String: Value]? {
        if node.isNull { return [:] }
        guard node.mappingPairs != nil else {
            error(
                .invalidValue, node.mark, "`meta` of \(place) must be a mapping, found \(node.kindName)",
                hint: "write `meta: {key: value}`")
            return nil
        }
        do {
            return try node.value.mapValue ?? [:]
        } catch {
            reading.diagnostics.append(.init(yaml: error))
            return nil
        }
    }

    // MARK: Files

    /// Reads one document of a policy file.
    mutating func readFile(_ document: YAMLNode) {
        guard let pairs = document.mappingPairs else {
            error(
                .invalidDocument, document.mark,
                "a policy file must be a mapping with `namespace` and `entries`, found \(document.kindName)",
                hint: "start the file with `namespace: <name>`")
            return
        }
        checkKeys(pairs, allowed: PolicyKeys.file, in: "the file", severity: .warning, code: .unknownTopLevelKey)
        var namespace: String?
        if let pair = document.member("namespace") {
            if let text = pair.value.stringValue, !text.isEmpty {
                namespace = text
            } else {
                error(
                    .invalidNamespace, pair.value.mark,
                    "`namespace` must be a non-empty string, found \(pair.value.kindName)",
                    hint: "write `namespace: app.security`")
            }
        } else {
            error(
                .missingNamespace, document.mark, "the file has no `namespace`",
                hint: "add `namespace: <name>` at the top; entry ids are `namespace:name`")
        }
        if let pair = document.member("version") { checkVersion(pair.value) }
        var fileMeta: [String: Value] = [:]
        if let pair = document.member("meta") { fileMeta = readMeta(pair.value, in: "the file") ?? [:] }
        guard let entries = document.member("entries")?.value, !entries.isNull else { return }
        guard let namespace else {
            // Still check the entries, so every problem of the file is reported at once; the
            // definitions are dropped (the file is in error anyway).
            let definitions = reading.definitions.count
            readEntries(entries, namespace: "", fileMeta: fileMeta)
            reading.failedEntryCount += reading.definitions.count - definitions
            reading.definitions.removeSubrange(definitions...)
            return
        }
        readEntries(entries, namespace: namespace, fileMeta: fileMeta)
    }

    /// Warns when `version` is not a string: `version: 1.0` is the number 1 to YAML, so a tool
    /// that reads the version (Wippy writes `"1.0"`) sees something else. Not interpreted by
    /// Warden, so a warning, not an error.
    mutating func checkVersion(_ node: YAMLNode) {
        guard !node.isNull, node.stringValue == nil else { return }
        if let text = node.scalarText {
            warning(
                .nonStringVersion, node.mark, "`version` is \(node.kindName) \(UserText.quoted(text)), not a string",
                hint: "quote it: `version: \"\(text)\"`")
        } else {
            warning(
                .nonStringVersion, node.mark, "`version` is \(node.kindName), not a string",
                hint: "write `version: \"1.0\"`, or remove it")
        }
    }

    /// Reads a list of registry entries; entries of other kinds are skipped.
    mutating func readEntries(_ node: YAMLNode, namespace: String, fileMeta: [String: Value]) {
        guard let items = node.sequenceItems else {
            error(
                .invalidEntries, node.mark, "`entries` must be a list, found \(node.kindName)",
                hint: "write each entry as a list item starting with `- name:`")
            return
        }
        for item in items {
            let problemsBefore = reading.diagnostics.count  // every problem inside an entry is an error
            if let definition = readEntry(item, namespace: namespace, fileMeta: fileMeta) {
                reading.definitions.append(definition)
            } else if reading.diagnostics.count > problemsBefore {
                reading.failedEntryCount += 1  // an entry of another kind is skipped without an error
            }
        }
    }
}

extension PolicyDiagnostic {
    /// A YAML error as a diagnostic, keeping its code, mark, message and hint.
    init(yaml error: YAMLError) {
        self.init(.error, .yaml(error.code.rawValue), at: error.mark, error.message, hint: error.hint)
    }
}
