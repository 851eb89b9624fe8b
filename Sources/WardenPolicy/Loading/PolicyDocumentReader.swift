import WardenValue
import WardenYAML

/// Reads the YAML of policy files into definitions, collecting every problem on the way
/// (spec sections 1, 4 and 5). Entries with a problem produce no definition.
struct PolicyDocumentReader {
    private(set) var reading = PolicyReading()
    private let source: SourceLines

    init(source: SourceLines) {
        self.source = source
    }

    // MARK: Diagnostics

    private mutating func error(_ code: DiagnosticCode, _ mark: Mark, _ message: String, hint: String? = nil) {
        reading.diagnostics.append(.error(code, at: mark, message, hint: hint))
    }

    private mutating func warning(_ code: DiagnosticCode, _ mark: Mark, _ message: String, hint: String? = nil) {
        reading.diagnostics.append(.warning(code, at: mark, message, hint: hint))
    }

    /// Reports keys not in `allowed`; returns whether all keys were known.
    @discardableResult
    private mutating func checkKeys(
        _ pairs: [YAMLPair], allowed: [String], in place: String, severity: DiagnosticSeverity = .error,
        code: DiagnosticCode = .unknownKey, extraHint: [String: String] = [:]
    ) -> Bool {
        var clean = true
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            guard !allowed.contains(key) else { continue }
            if severity == .error { clean = false }
            let hint = extraHint[key]
                ?? Suggestion.hint(
                    for: key, in: allowed,
                    otherwise: "allowed keys are " + allowed.map { "`\($0)`" }.joined(separator: ", "))
            reading.diagnostics.append(
                PolicyDiagnostic(severity, code, at: pair.key.mark, "unknown key `\(key)` in \(place)", hint: hint))
        }
        return clean
    }

    /// The value of a mapping node as a string map; `nil` (with an error) when it is not one.
    private mutating func readMeta(_ node: YAMLNode, in place: String) -> [String: Value]? {
        if node.isNull { return [:] }
        guard node.mappingPairs != nil else {
            error(.invalidValue, node.mark, "`meta` of \(place) must be a mapping, found \(node.kindName)",
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
            error(.invalidDocument, document.mark,
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
                error(.invalidNamespace, pair.value.mark,
                    "`namespace` must be a non-empty string, found \(pair.value.kindName)",
                    hint: "write `namespace: app.security`")
            }
        } else {
            error(.missingNamespace, document.mark, "the file has no `namespace`",
                hint: "add `namespace: <name>` at the top; entry ids are `namespace:name`")
        }
        var fileMeta: [String: Value] = [:]
        if let pair = document.member("meta") { fileMeta = readMeta(pair.value, in: "the file") ?? [:] }
        guard let entries = document.member("entries")?.value, !entries.isNull else { return }
        guard let namespace else {
            // Still check the entries, so every problem of the file is reported at once; the
            // definitions are dropped (the file is in error anyway).
            let definitions = reading.definitions.count
            readEntries(entries, namespace: "", fileMeta: fileMeta)
            reading.definitions.removeSubrange(definitions...)
            return
        }
        readEntries(entries, namespace: namespace, fileMeta: fileMeta)
    }

    /// Reads a list of registry entries; entries of other kinds are skipped.
    mutating func readEntries(_ node: YAMLNode, namespace: String, fileMeta: [String: Value]) {
        guard let items = node.sequenceItems else {
            error(.invalidEntries, node.mark, "`entries` must be a list, found \(node.kindName)",
                hint: "write each entry as a list item starting with `- name:`")
            return
        }
        for item in items {
            if let definition = readEntry(item, namespace: namespace, fileMeta: fileMeta) {
                reading.definitions.append(definition)
            }
        }
    }

    // MARK: Entries

    private mutating func readEntry(
        _ node: YAMLNode, namespace: String, fileMeta: [String: Value]
    ) -> PolicyDefinition? {
        guard let pairs = node.mappingPairs else {
            error(.invalidEntries, node.mark, "an entry must be a mapping, found \(node.kindName)",
                hint: "write `- name: ...` with `kind:` on the next line")
            return nil
        }
        guard let kindPair = node.member("kind") else {
            error(.missingKey, node.mark, "entry has no `kind`", hint: "add `kind: security.policy`")
            return nil
        }
        guard let kind = kindPair.value.stringValue, !kind.isEmpty else {
            error(.invalidValue, kindPair.value.mark,
                "`kind` must be a non-empty string, found \(kindPair.value.kindName)",
                hint: "write `kind: security.policy`")
            return nil
        }
        guard PolicyKeys.kinds.contains(kind) else {
            if let near = Suggestion.closest(to: kind, in: PolicyKeys.kinds) {
                error(.unknownKind, kindPair.value.mark, "unknown entry kind `\(kind)`",
                    hint: "did you mean `\(near)`? entries of other kinds are ignored")
            }
            return nil
        }
        let isExpression = kind == PolicyKind.expression
        let problemsBefore = reading.diagnostics.count  // every problem inside an entry is an error
        checkKeys(pairs, allowed: PolicyKeys.entry, in: "policy entry")

        var name = ""
        var nameMark = node.mark
        if let pair = node.member("name") {
            nameMark = pair.value.mark
            if let text = pair.value.stringValue, !text.isEmpty {
                name = text
            } else {
                error(.invalidValue, pair.value.mark, "`name` must be a non-empty string, found \(pair.value.kindName)",
                    hint: "quote it if it looks like a number: `name: \"7\"`")
            }
        } else {
            error(.missingKey, node.mark, "policy entry has no `name`", hint: "add `name: <unique name>`")
        }
        var meta = fileMeta
        if let pair = node.member("meta"), let entryMeta = readMeta(pair.value, in: "the entry") {
            meta.merge(entryMeta) { _, entry in entry }
        }
        var groups: [String] = []
        var groupMarks: [Mark] = []
        if let pair = node.member("groups"), !pair.value.isNull {
            if let items = pair.value.sequenceItems {
                for item in items {
                    if let group = item.stringValue, !group.isEmpty {
                        groups.append(group.contains(":") ? group : "\(namespace):\(group)")
                        groupMarks.append(item.mark)
                    } else {
                        error(.invalidGroup, item.mark, "a group must be a non-empty string, found \(item.kindName)",
                            hint: "write a group name, or `namespace:group` for another namespace")
                    }
                }
            } else {
                let text = pair.value.stringValue.map { "`\($0)`" } ?? pair.value.kindName
                error(.invalidGroup, pair.value.mark, "`groups` must be a list, found \(text)",
                    hint: "write `groups: [\(pair.value.stringValue ?? "name")]`")
            }
        }
        var marks = PolicyMarks(entry: node.mark, name: nameMark, groups: groupMarks)
        guard let policyPair = node.member("policy") else {
            error(.missingKey, node.mark, "policy entry `\(name)` has no `policy`",
                hint: "add `policy:` with `actions`, `resources` and `effect`")
            return nil
        }
        let parts = readPolicy(policyPair.value, isExpression: isExpression, marks: &marks)
        guard reading.diagnostics.count == problemsBefore, let parts else { return nil }
        return PolicyDefinition(
            namespace: namespace, name: name, meta: meta, effect: parts.effect, actions: parts.actions,
            resources: parts.resources, body: parts.body, groups: groups, marks: marks)
    }

    private struct PolicyParts {
        var effect: Effect
        var actions: [String]
        var resources: [String]
        var body: PolicyBody
    }

    private mutating func readPolicy(
        _ node: YAMLNode, isExpression: Bool, marks: inout PolicyMarks
    ) -> PolicyParts? {
        guard let pairs = node.mappingPairs else {
            error(.invalidValue, node.mark, "`policy` must be a mapping, found \(node.kindName)",
                hint: "indent `actions`, `resources` and `effect` under `policy:`")
            return nil
        }
        let allowed = isExpression ? PolicyKeys.expressionPolicy : PolicyKeys.conditionPolicy
        checkKeys(pairs, allowed: allowed, in: "`policy`",
            extraHint: isExpression
                ? ["conditions": "`security.policy.expr` entries take `expression`; use kind `security.policy` for `conditions`"]
                : ["expression": "`expression` needs kind `security.policy.expr`"])
        let effect = readEffect(node, marks: &marks)
        let actions = readPatterns(node, key: "actions", empty: .emptyActions, marks: &marks.actions)
        let resources = readPatterns(node, key: "resources", empty: .emptyResources, marks: &marks.resources)
        var body: PolicyBody?
        if isExpression {
            if let pair = node.member("expression") {
                marks.expression = pair.value.mark
                if let text = pair.value.stringValue, !text.isEmpty {
                    marks.expressionLayout = source.layout(of: pair.value)
                    body = .expression(text)
                } else {
                    error(.invalidValue, pair.value.mark,
                        "`expression` must be a non-empty string, found \(pair.value.kindName)",
                        hint: "quote the expression: `expression: 'actor.meta.role == \"admin\"'`")
                }
            } else {
                error(.missingKey, node.mark, "expression policy has no `expression`",
                    hint: "add `expression: <boolean expression>`")
            }
        } else if let pair = node.member("conditions") {
            body = readConditions(pair.value).map(PolicyBody.conditions)
        } else {
            body = .conditions([])
        }
        guard let effect, let actions, let resources, let body else { return nil }
        return PolicyParts(effect: effect, actions: actions, resources: resources, body: body)
    }

    private mutating func readEffect(_ policy: YAMLNode, marks: inout PolicyMarks) -> Effect? {
        guard let pair = policy.member("effect") else {
            error(.missingKey, policy.mark, "`policy` has no `effect`", hint: "add `effect: allow` or `effect: deny`")
            return nil
        }
        marks.effect = pair.value.mark
        if let text = pair.value.stringValue, let effect = Effect(rawValue: text) { return effect }
        let shown = pair.value.scalarText.map { "`\($0)`" } ?? pair.value.kindName
        error(.invalidEffect, pair.value.mark, "`effect` must be `allow` or `deny`, found \(shown)",
            hint: Suggestion.hint(for: pair.value.scalarText ?? "", in: Effect.allCases.map(\.rawValue),
                otherwise: "effects are lowercase and exact"))
        return nil
    }

    private mutating func readPatterns(
        _ policy: YAMLNode, key: String, empty: DiagnosticCode, marks: inout [Mark]
    ) -> [String]? {
        guard let pair = policy.member(key) else {
            error(.missingKey, policy.mark, "`policy` has no `\(key)`",
                hint: "add `\(key): \"*\"` or a list of patterns")
            return nil
        }
        let node = pair.value
        if let text = node.stringValue {
            guard !text.isEmpty else {
                error(empty, node.mark, "`\(key)` is empty, so the policy could never apply",
                    hint: "write a pattern, or `\"*\"` for all")
                return nil
            }
            marks = [node.mark]
            return [text]
        }
        guard let items = node.sequenceItems else {
            error(.invalidPatternList, node.mark,
                "`\(key)` must be a string or a list of strings, found \(node.kindName)",
                hint: "quote the pattern: `\(key): \"\(node.scalarText ?? "*")\"`")
            return nil
        }
        guard !items.isEmpty else {
            error(empty, node.mark, "`\(key)` is an empty list, so the policy could never apply",
                hint: "list at least one pattern, or `\"*\"` for all")
            return nil
        }
        var patterns: [String] = []
        var valid = true
        marks = []
        for item in items {
            if let text = item.stringValue, !text.isEmpty {
                patterns.append(text)
                marks.append(item.mark)
            } else {
                valid = false
                let shown = item.scalarText.map { "\(item.kindName) `\($0)`" } ?? item.kindName
                error(.invalidPatternItem, item.mark, "`\(key)` items must be non-empty strings, found \(shown)",
                    hint: item.isScalar && !item.isNull ? "quote it: `\"\(item.scalarText ?? "")\"`" : "remove it")
            }
        }
        return valid ? patterns : nil
    }

    // MARK: Conditions

    private mutating func readConditions(_ node: YAMLNode) -> [ConditionDefinition]? {
        guard let items = node.sequenceItems else {
            error(.invalidValue, node.mark, "`conditions` must be a list, found \(node.kindName)",
                hint: "write each condition as a list item `- field: ...`, or remove `conditions`")
            return nil
        }
        var conditions: [ConditionDefinition] = []
        var valid = true
        for item in items {
            if let condition = readCondition(item) { conditions.append(condition) } else { valid = false }
        }
        return valid ? conditions : nil
    }

    private mutating func readCondition(_ node: YAMLNode) -> ConditionDefinition? {
        guard let pairs = node.mappingPairs else {
            error(.invalidValue, node.mark, "a condition must be a mapping, found \(node.kindName)",
                hint: "write `- field: ...` with `operator:` and `value:` below it")
            return nil
        }
        let valid = checkKeys(pairs, allowed: PolicyKeys.condition, in: "condition")
        var marks = ConditionMarks(condition: node.mark)
        var field: String?
        if let pair = node.member("field") {
            marks.field = pair.value.mark
            if let text = pair.value.stringValue {
                field = text
            } else {
                error(.badFieldPath, pair.value.mark, "`field` must be a string path, found \(pair.value.kindName)",
                    hint: "write a path such as `actor.meta.role` or `meta.owner`")
            }
        } else {
            error(.missingField, node.mark, "condition has no `field`",
                hint: "add `field: <path>`, e.g. `actor.meta.role`")
        }
        var op: ConditionOperator?
        if let pair = node.member("operator") {
            marks.op = pair.value.mark
            let text = pair.value.scalarText ?? ""
            if let parsed = pair.value.stringValue.flatMap(ConditionOperator.init(rawValue:)) {
                op = parsed
            } else {
                let shown = pair.value.isScalar ? "`\(text)`" : pair.value.kindName
                error(.unknownOperator, pair.value.mark, "unknown operator \(shown)",
                    hint: Suggestion.hint(for: text, in: ConditionOperator.allCases.map(\.rawValue),
                        otherwise: "operators are "
                            + ConditionOperator.allCases.map { "`\($0)`" }.joined(separator: ", ")))
            }
        } else {
            error(.missingOperator, node.mark, "condition has no `operator`",
                hint: "add `operator: eq` (or another operator)")
        }
        var operand: ConditionOperand?
        let value = node.member("value")
        let valueFrom = node.member("value_from")
        switch (value, valueFrom) {
        case (nil, nil):
            error(.missingValue, node.mark, "condition has neither `value` nor `value_from`",
                hint: op == .exists || op == .nexists ? "add `value: true` or `value: false`" : "add `value: <value>`")
        case (let pair?, nil):
            marks.operand = pair.value.mark
            do {
                operand = .value(try pair.value.value)
            } catch {
                reading.diagnostics.append(.init(yaml: error))
            }
        case (nil, let pair?):
            marks.operand = pair.value.mark
            if let path = pair.value.stringValue {
                operand = .valueFrom(path)
            } else {
                error(.badFieldPath, pair.value.mark, "`value_from` must be a string path, found \(pair.value.kindName)",
                    hint: "write a path such as `actor.id`")
            }
        case (_?, let pair?):
            error(.conflictingValue, pair.key.mark, "condition has both `value` and `value_from`",
                hint: "keep one of them")
        }
        guard valid, let field, let op, let operand else { return nil }
        return ConditionDefinition(field: field, op: op, operand: operand, marks: marks)
    }
}

extension PolicyDiagnostic {
    /// A YAML error as a diagnostic, keeping its code, mark, message and hint.
    init(yaml error: YAMLError) {
        self.init(.error, .yaml(error.code.rawValue), at: error.mark, error.message, hint: error.hint)
    }
}
