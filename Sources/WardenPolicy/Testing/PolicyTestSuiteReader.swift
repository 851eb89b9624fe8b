import Foundation
import WardenValue
import WardenYAML

/// Reads the `warden test` format, reporting every problem with its mark.
struct PolicyTestSuiteReader {
    static let fileKeys = ["namespace", "policies", "files", "strict", "tests"]
    static let testKeys = [
        "name", "policies", "actor", "scope", "groups", "action", "resource", "meta", "expect",
        "policies_expected", "note", "strict",
    ]

    let file: String
    let text: String?
    let baseDirectory: String
    let loader: PolicyLoader
    private(set) var diagnostics: [PolicyDiagnostic] = []

    init(file: String, text: String?, baseDirectory: String, loader: PolicyLoader) {
        self.file = file
        self.text = text
        self.baseDirectory = baseDirectory
        self.loader = loader
    }

    private mutating func error(_ mark: Mark, _ message: String, hint: String) {
        diagnostics.append(.error(.invalidTestFile, at: mark, message, hint: hint))
    }

    private mutating func checkKeys(_ node: YAMLNode, _ allowed: [String], in place: String) {
        for pair in node.mappingPairs ?? [] {
            let key = pair.key.scalarText ?? ""
            guard !allowed.contains(key) else { continue }
            diagnostics.append(
                .error(
                    .unknownKey, at: pair.key.mark, "unknown key `\(key)` in \(place)",
                    hint: Suggestion.hint(
                        for: key, in: allowed,
                        otherwise: "allowed keys are " + allowed.map { "`\($0)`" }.joined(separator: ", "))))
        }
    }

    mutating func read(_ document: YAMLNode) -> PolicyTestSuite? {
        guard document.mappingPairs != nil else {
            error(
                document.mark, "a test file must be a mapping, found \(document.kindName)",
                hint: "write `namespace:`, `policies:` or `files:`, and `tests:`")
            return nil
        }
        checkKeys(document, Self.fileKeys, in: "the test file")
        var namespace = "test"
        if let pair = document[key: "namespace"] {
            if let text = pair.value.stringValue, !text.isEmpty {
                namespace = text
            } else {
                error(
                    pair.value.mark, "`namespace` must be a non-empty string, found \(pair.value.kindName)",
                    hint: "write `namespace: t`")
            }
        }
        var shared = PolicyReading()
        if let pair = document[key: "files"] {
            shared.append(loader.read(paths: strings(pair.value, key: "files").map(resolve)))
        }
        if let pair = document[key: "policies"] {
            shared.append(loader.read(entries: pair.value, namespace: namespace, text: text))
        }
        var tests: [PolicyTestCase] = []
        if let pair = document[key: "tests"], let items = pair.value.sequenceItems {
            for item in items {
                if let test = readTest(item, namespace: namespace) { tests.append(test) }
            }
        } else {
            error(
                document[key: "tests"]?.value.mark ?? document.mark, "the test file has no `tests` list",
                hint: "add `tests:` with one item per case")
        }
        let strict = document[key: "strict"].flatMap { readStrict($0.value) }
        return PolicyTestSuite(file: file, namespace: namespace, policies: shared, tests: tests, strict: strict)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }

    /// A string or a list of strings.
    private mutating func strings(_ node: YAMLNode, key: String) -> [String] {
        if let text = node.stringValue { return [text] }
        guard let items = node.sequenceItems else {
            error(
                node.mark, "`\(key)` must be a string or a list of strings, found \(node.kindName)",
                hint: "write `\(key): [a, b]`")
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.stringValue, !text.isEmpty {
                result.append(text)
            } else {
                error(
                    item.mark, "`\(key)` items must be non-empty strings, found \(item.kindName)",
                    hint: "quote the item")
            }
        }
        return result
    }

    /// Qualifies a bare id with the file's namespace.
    private func qualify(_ id: String, _ namespace: String) -> String {
        id.contains(":") ? id : "\(namespace):\(id)"
    }

    private mutating func readTest(_ node: YAMLNode, namespace: String) -> PolicyTestCase? {
        guard node.mappingPairs != nil else {
            error(
                node.mark, "a test must be a mapping, found \(node.kindName)",
                hint: "write `- name: ...` with `action`, `resource` and `expect`")
            return nil
        }
        let before = diagnostics.count
        checkKeys(node, Self.testKeys, in: "test")
        let name = requiredString(node, "name", hint: "give the test a name") ?? ""
        let action = requiredString(node, "action", hint: "add `action: <action>`") ?? ""
        let resource = requiredString(node, "resource", hint: "add `resource: <resource>`") ?? ""
        var expect = PolicyTestExpectation.outcome(.undefined)
        if let text = requiredString(node, "expect", hint: "add `expect: allow` (or deny, undefined, load_error)") {
            if let parsed = PolicyTestExpectation(text: text) {
                expect = parsed
            } else if let pair = node[key: "expect"] {
                error(
                    pair.value.mark, "`expect` must be `allow`, `deny`, `undefined` or `load_error`, found `\(text)`",
                    hint: Suggestion.hint(for: text, in: PolicyTestExpectation.spellings) ?? "use one of those four")
            }
        }
        var policies = PolicyReading()
        if let pair = node[key: "policies"] {
            policies = loader.read(entries: pair.value, namespace: namespace, text: text)
        }
        let actor = node[key: "actor"].flatMap { readActor($0.value) }
        var meta: [String: Value] = [:]
        if let pair = node[key: "meta"] { meta = readMap(pair.value, key: "meta") }
        var scope: ScopeSpec?
        var scopeMark = node.mark
        if let pair = node[key: "scope"] {
            scopeMark = pair.value.mark
            scope = readScope(pair.value, namespace: namespace)
        }
        if let pair = node[key: "groups"] {
            scopeMark = pair.value.mark
            var spec = scope ?? ScopeSpec()
            spec.groups += strings(pair.value, key: "groups").map { qualify($0, namespace) }
            scope = spec
        }
        var expectedPolicies: [String]?
        if let pair = node[key: "policies_expected"] {
            expectedPolicies = strings(pair.value, key: "policies_expected").map { qualify($0, namespace) }
        }
        var note: String?
        if let pair = node[key: "note"] { note = pair.value.scalarText }
        let strict = node[key: "strict"].flatMap { readStrict($0.value) }
        guard diagnostics.count == before else { return nil }
        return PolicyTestCase(
            name: name, mark: node.mark, policies: policies, actor: actor, scope: scope, scopeMark: scopeMark,
            action: action, resource: resource, meta: meta, expect: expect, expectedPolicies: expectedPolicies,
            note: note, strict: strict)
    }

    /// `strict: true|false`; anything else is an error.
    private mutating func readStrict(_ node: YAMLNode) -> Bool? {
        guard case .bool(let value)? = try? node.value else {
            error(
                node.mark, "`strict` must be `true` or `false`, found \(node.kindName)",
                hint: "write `strict: true` (a request without an actor is denied) or `strict: false` (allowed)")
            return nil
        }
        return value
    }

    private mutating func requiredString(_ node: YAMLNode, _ key: String, hint: String) -> String? {
        guard let pair = node[key: key] else {
            error(node.mark, "test has no `\(key)`", hint: hint)
            return nil
        }
        guard let text = pair.value.stringValue else {
            error(pair.value.mark, "`\(key)` must be a string, found \(pair.value.kindName)", hint: "quote it")
            return nil
        }
        return text
    }

    private mutating func readMap(_ node: YAMLNode, key: String) -> [String: Value] {
        if node.isNull { return [:] }
        do {
            if let map = try node.value.mapValue { return map }
        } catch {
            diagnostics.append(PolicyDiagnostic(yaml: error))
            return [:]
        }
        error(node.mark, "`\(key)` must be a mapping, found \(node.kindName)", hint: "write `\(key): {key: value}`")
        return [:]
    }

    private mutating func readActor(_ node: YAMLNode) -> Actor? {
        if node.isNull { return nil }
        guard node.mappingPairs != nil else {
            error(
                node.mark, "`actor` must be a mapping with `id` and `meta`, found \(node.kindName)",
                hint: "write `actor: {id: u1, meta: {role: admin}}`, or `actor: null` for none")
            return nil
        }
        checkKeys(node, ["id", "meta"], in: "actor")
        guard let id = requiredString(node, "id", hint: "add `id:` (an empty string is a valid id)") else { return nil }
        let meta = node[key: "meta"].map { readMap($0.value, key: "meta") } ?? [:]
        return Actor(id: id, meta: meta)
    }

    private mutating func readScope(_ node: YAMLNode, namespace: String) -> ScopeSpec {
        if node.mappingPairs != nil {
            checkKeys(node, ["policies", "groups"], in: "scope")
            let policies = node[key: "policies"].map { strings($0.value, key: "policies") } ?? []
            let groups = node[key: "groups"].map { strings($0.value, key: "groups") } ?? []
            return ScopeSpec(
                policies: policies.map { qualify($0, namespace) }, groups: groups.map { qualify($0, namespace) })
        }
        return ScopeSpec(policies: strings(node, key: "scope").map { qualify($0, namespace) })
    }
}
