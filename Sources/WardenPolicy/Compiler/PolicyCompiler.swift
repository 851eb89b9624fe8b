import WardenExpression
import WardenGlob
import WardenRegex
import WardenValue
import WardenYAML

/// Validates definitions (spec sections 4 and 5) and turns them into compiled policies.
///
/// Every definition is checked, so all problems are reported at once; a definition with an
/// error produces no compiled policy.
enum PolicyCompiler {
    /// Compiles one definition, appending its problems to `diagnostics`.
    static func compile(
        _ definition: PolicyDefinition, diagnostics: inout [PolicyDiagnostic]
    ) -> CompiledPolicy? {
        let before = diagnostics.count
        let marks = definition.marks
        if definition.namespace.isEmpty {
            diagnostics.append(
                .error(
                    .invalidNamespace, at: marks.entry, "policy `\(definition.name)` has an empty namespace",
                    hint: "set `namespace` to a name such as `app.security`"))
        }
        if definition.name.isEmpty {
            diagnostics.append(
                .error(
                    .invalidValue, at: marks.name, "policy `name` is empty",
                    hint: "give the entry a name unique in its namespace"))
        }
        let actions = patterns(
            definition.actions, key: "actions", marks: marks.action, entry: marks.entry,
            empty: .emptyActions, diagnostics: &diagnostics)
        let resources = patterns(
            definition.resources, key: "resources", marks: marks.resource,
            entry: marks.entry, empty: .emptyResources, diagnostics: &diagnostics)
        for (index, group) in definition.groups.enumerated() where group.isEmpty {
            diagnostics.append(
                .error(
                    .invalidGroup, at: marks.group(index), "group names must not be empty",
                    hint: "remove the empty item from `groups`"))
        }
        var body: CompiledBody?
        switch definition.body {
        case .conditions(let conditions):
            var compiled: [CompiledCondition] = []
            for condition in conditions {
                if let c = compile(condition, diagnostics: &diagnostics) { compiled.append(c) }
            }
            body = .conditions(compiled)
        case .expression(let source):
            switch ExpressionCompiler.compile(source) {
            case .success(let expression):
                body = .expression(expression, marks.expressionLayout)
            case .failure(let problems):
                for problem in problems.items {
                    diagnostics.append(
                        .error(
                            .expression(problem.code.rawValue),
                            at: marks.expressionLayout.mark(
                                line: problem.position.line, column: problem.position.column),
                            problem.message))
                }
            }
        }
        guard diagnostics.count == before, let body else { return nil }
        return CompiledPolicy(
            id: definition.id, effect: definition.effect, actions: actions, resources: resources, body: body)
    }

    private static func patterns(
        _ texts: [String], key: String, marks: (Int) -> Mark, entry: Mark, empty: DiagnosticCode,
        diagnostics: inout [PolicyDiagnostic]
    ) -> [GlobPattern] {
        if texts.isEmpty {
            diagnostics.append(
                .error(
                    empty, at: entry, "`\(key)` is empty, so the policy could never apply",
                    hint: "list at least one pattern, or `\"*\"` for all"))
        }
        for (index, text) in texts.enumerated() where text.isEmpty {
            diagnostics.append(
                .error(
                    .invalidPatternItem, at: marks(index), "empty pattern in `\(key)`",
                    hint: "remove it, or write `\"*\"` to match everything"))
        }
        return texts.map(GlobPattern.init)
    }

    /// Compiles one condition (field path, operand rules, regular expression).
    static func compile(
        _ condition: ConditionDefinition, diagnostics: inout [PolicyDiagnostic]
    ) -> CompiledCondition? {
        let before = diagnostics.count
        let marks = condition.marks
        let op = condition.op
        var field: FieldPath?
        switch FieldPath.parse(condition.field) {
        case .success(let path): field = path
        case .failure(let error):
            diagnostics.append(
                .error(
                    .badFieldPath, at: marks.field, "bad field path `\(condition.field)`: \(error)",
                    hint: error.hint))
        }
        var operand: CompiledOperand?
        var regex: RegularExpression?
        switch condition.operand {
        case .valueFrom(let path):
            switch op {
            case .exists, .nexists:
                diagnostics.append(
                    .error(
                        .existsNotBoolean, at: marks.operand,
                        "`\(op)` takes a literal `true` or `false`, not `value_from`",
                        hint: "write `value: true` (present) or `value: false` (absent)"))
            case .matches, .nmatches:
                diagnostics.append(
                    .error(
                        .matchesNotLiteralString, at: marks.operand,
                        "`\(op)` takes a literal regular expression, not `value_from`",
                        hint: "write the regular expression as `value: \"...\"`"))
            default:
                break
            }
            switch FieldPath.parse(path) {
            case .success(let parsed): operand = .field(parsed)
            case .failure(let error):
                diagnostics.append(
                    .error(
                        .badFieldPath, at: marks.operand, "bad `value_from` path `\(path)`: \(error)",
                        hint: error.hint))
            }
        case .value(let value):
            operand = .literal(value)
            switch op {
            case .exists, .nexists:
                if value.boolValue == nil {
                    diagnostics.append(
                        .error(
                            .existsNotBoolean, at: marks.operand,
                            "`\(op)` needs `true` or `false`, found \(value.typeName) `\(display(value))`",
                            hint: "write `value: true` (present) or `value: false` (absent)"))
                }
            case .matches, .nmatches:
                if let pattern = value.stringValue {
                    if pattern.isEmpty {
                        diagnostics.append(
                            .error(
                                .invalidRegex, at: marks.operand,
                                "the regular expression of `\(op)` is empty, which matches everything",
                                hint: "remove the condition, or write the pattern you mean"))
                    } else {
                        switch RegularExpression.compile(pattern) {
                        case .success(let built): regex = built
                        case .failure(let error):
                            diagnostics.append(
                                .error(
                                    .invalidRegex, at: marks.operand, error.description,
                                    hint: RegularExpressionError.hint))
                        }
                    }
                } else {
                    diagnostics.append(
                        .error(
                            .matchesNotLiteralString, at: marks.operand,
                            "`\(op)` needs a regular expression string, found \(value.typeName) `\(display(value))`",
                            hint: "quote the value: `value: \"\(display(value))\"`"))
                }
            case .lt, .gt, .lte, .gte:
                switch value {
                case .list, .map:
                    diagnostics.append(
                        .error(
                            .orderingNotScalar, at: marks.operand,
                            "`\(op)` compares numbers, found \(value.typeName) `\(display(value))`, which can never be one",
                            hint: "write a number or a numeric string, e.g. `value: 3`; to test membership use `in`"))
                default: break
                }
            case .in, .nin:
                switch value {
                case .list, .string: break
                default:
                    diagnostics.append(
                        .error(
                            .inNotList, at: marks.operand,
                            "`\(op)` needs a list or a string, found \(value.typeName) `\(display(value))`",
                            hint: "write a list: `value: [\(display(value))]`"))
                }
            default:
                break
            }
        }
        guard diagnostics.count == before, let field, let operand else { return nil }
        return CompiledCondition(field: field, op: op, operand: operand, regex: regex)
    }

    /// A value as it would be written in a message: strings without quotes, others as JSON, cut
    /// to ``UserText/maxCharacters`` characters.
    static func display(_ value: Value) -> String {
        if case .string(let s) = value { return UserText.excerpt(s) }
        return UserText.excerpt(value.canonicalJSON)
    }
}
