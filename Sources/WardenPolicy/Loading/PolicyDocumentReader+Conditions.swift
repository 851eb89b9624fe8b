import WardenValue
import WardenYAML

/// Conditions of `security.policy` entries.
extension PolicyDocumentReader {
    mutating func readConditions(_ node: YAMLNode) -> [ConditionDefinition]? {
        guard let items = node.sequenceItems else {
            error(
                .invalidValue, node.mark, "`conditions` must be a list, found \(node.kindName)",
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
            error(
                .invalidValue, node.mark, "a condition must be a mapping, found \(node.kindName)",
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
                error(
                    .badFieldPath, pair.value.mark, "`field` must be a string path, found \(pair.value.kindName)",
                    hint: "write a path such as `actor.meta.role` or `meta.owner`")
            }
        } else {
            error(
                .missingField, node.mark, "condition has no `field`",
                hint: "add `field: <path>`, e.g. `actor.meta.role`")
        }
        var op: ConditionOperator?
        if let pair = node.member("operator") {
            marks.op = pair.value.mark
            let text = pair.value.scalarText ?? ""
            if let parsed = pair.value.stringValue.flatMap(ConditionOperator.init(rawValue:)) {
                op = parsed
            } else {
                let shown = pair.value.isScalar ? UserText.quoted(text) : pair.value.kindName
                error(
                    .unknownOperator, pair.value.mark, "unknown operator \(shown)",
                    hint: Suggestion.hint(
                        for: text, in: ConditionOperator.allCases.map(\.rawValue),
                        otherwise: "operators are "
                            + ConditionOperator.allCases.map { "`\($0)`" }.joined(separator: ", ")))
            }
        } else {
            error(
                .missingOperator, node.mark, "condition has no `operator`",
                hint: "add `operator: eq` (or another operator)")
        }
        var operand: ConditionOperand?
        let value = node.member("value")
        let valueFrom = node.member("value_from")
        switch (value, valueFrom) {
        case (nil, nil):
            error(
                .missingValue, node.mark, "condition has neither `value` nor `value_from`",
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
                error(
                    .badFieldPath, pair.value.mark, "`value_from` must be a string path, found \(pair.value.kindName)",
                    hint: "write a path such as `actor.id`")
            }
        case (_?, let pair?):
            error(
                .conflictingValue, pair.key.mark, "condition has both `value` and `value_from`",
                hint: "keep one of them")
        }
        guard valid, let field, let op, let operand else { return nil }
        return ConditionDefinition(field: field, op: op, operand: operand, marks: marks)
    }
}
