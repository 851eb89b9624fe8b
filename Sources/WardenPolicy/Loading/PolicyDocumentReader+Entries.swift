import WardenValue
import WardenYAML

/// Entries and their `policy:` mapping.
extension PolicyDocumentReader {
    mutating func readEntry(
        _ node: YAMLNode, namespace: String, fileMeta: [String: Value]
    ) -> PolicyDefinition? {
        guard let pairs = node.mappingPairs else {
            error(
                .invalidEntries, node.mark, "an entry must be a mapping, found \(node.kindName)",
                hint: "write `- name: ...` with `kind:` on the next line")
            return nil
        }
        guard let kindPair = node.member("kind") else {
            error(.missingKey, node.mark, "entry has no `kind`", hint: "add `kind: security.policy`")
            return nil
        }
        guard let kind = kindPair.value.stringValue, !kind.isEmpty else {
            error(
                .invalidValue, kindPair.value.mark,
                "`kind` must be a non-empty string, found \(kindPair.value.kindName)",
                hint: "write `kind: security.policy`")
            return nil
        }
        guard PolicyKeys.kinds.contains(kind) else {
            if let near = Suggestion.closest(to: kind, in: PolicyKeys.kinds) {
                error(
                    .unknownKind, kindPair.value.mark, "unknown entry kind \(UserText.quoted(kind))",
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
                error(
                    .invalidValue, pair.value.mark, "`name` must be a non-empty string, found \(pair.value.kindName)",
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
                        error(
                            .invalidGroup, item.mark, "a group must be a non-empty string, found \(item.kindName)",
                            hint: "write a group name, or `namespace:group` for another namespace")
                    }
                }
            } else {
                let text = pair.value.stringValue.map { UserText.quoted($0) } ?? pair.value.kindName
                error(
                    .invalidGroup, pair.value.mark, "`groups` must be a list, found \(text)",
                    hint: "write `groups: [\(pair.value.stringValue ?? "name")]`")
            }
        }
        var marks = PolicyMarks(entry: node.mark, name: nameMark, groups: groupMarks)
        guard let policyPair = node.member("policy") else {
            error(
                .missingKey, node.mark, "policy entry \(UserText.quoted(name)) has no `policy`",
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
            error(
                .invalidValue, node.mark, "`policy` must be a mapping, found \(node.kindName)",
                hint: "indent `actions`, `resources` and `effect` under `policy:`")
            return nil
        }
        let allowed = isExpression ? PolicyKeys.expressionPolicy : PolicyKeys.conditionPolicy
        checkKeys(
            pairs, allowed: allowed, in: "`policy`",
            extraHint: isExpression
                ? [
                    "conditions":
                        "`security.policy.expr` entries take `expression`; use kind `security.policy` for `conditions`"
                ]
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
                    error(
                        .invalidValue, pair.value.mark,
                        "`expression` must be a non-empty string, found \(pair.value.kindName)",
                        hint: "quote the expression: `expression: 'actor.meta.role == \"admin\"'`")
                }
            } else {
                error(
                    .missingKey, node.mark, "expression policy has no `expression`",
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
        let shown = pair.value.scalarText.map { UserText.quoted($0) } ?? pair.value.kindName
        error(
            .invalidEffect, pair.value.mark, "`effect` must be `allow` or `deny`, found \(shown)",
            hint: Suggestion.hint(
                for: pair.value.scalarText ?? "", in: Effect.allCases.map(\.rawValue),
                otherwise: "effects are lowercase and exact"))
        return nil
    }

    private mutating func readPatterns(
        _ policy: YAMLNode, key: String, empty: DiagnosticCode, marks: inout [Mark]
    ) -> [String]? {
        guard let pair = policy.member(key) else {
            error(
                .missingKey, policy.mark, "`policy` has no `\(key)`",
                hint: "add `\(key): \"*\"` or a list of patterns")
            return nil
        }
        let node = pair.value
        if let text = node.stringValue {
            guard !text.isEmpty else {
                error(
                    empty, node.mark, "`\(key)` is empty, so the policy could never apply",
                    hint: "write a pattern, or `\"*\"` for all")
                return nil
            }
            marks = [node.mark]
            return [text]
        }
        guard let items = node.sequenceItems else {
            error(
                .invalidPatternList, node.mark,
                "`\(key)` must be a string or a list of strings, found \(node.kindName)",
                hint: "quote the pattern: `\(key): \"\(node.scalarText ?? "*")\"`")
            return nil
        }
        guard !items.isEmpty else {
            error(
                empty, node.mark, "`\(key)` is an empty list, so the policy could never apply",
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
                let text = item.scalarText ?? ""
                let shown = text.isEmpty ? item.kindName : "\(item.kindName) \(UserText.quoted(text))"
                error(
                    .invalidPatternItem, item.mark, "`\(key)` items must be non-empty strings, found \(shown)",
                    hint: item.isScalar && !item.isNull && !text.isEmpty ? "quote it: `\"\(text)\"`" : "remove it")
            }
        }
        return valid ? patterns : nil
    }
}
