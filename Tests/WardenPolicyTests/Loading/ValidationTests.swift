import Testing
import WardenPolicy

/// Every validation rule of spec sections 1, 4, 5 and 7: code, message, hint and exact position.
///
/// Most cases edit one line of this file (columns are 1-based):
///
///      1  namespace: app
///      2  entries:
///      3    - name: p                 entry at 3:5, name value at 3:11
///      4      kind: security.policy   kind value at 4:11
///      5      policy:                 policy value (mapping) at 6:7
///      6        actions: "*"          value at 6:16
///      7        resources: "*"        value at 7:18
///      8        effect: allow         value at 8:15
///      9        conditions:           value (list) at 10:9
///     10          - field: meta.x     condition at 10:11, field value at 10:18
///     11            operator: eq      value at 11:21
///     12            value: 1          value at 12:18
/// How to fix a pattern RE2 rejects, as every `invalid-regex` diagnostic says it.
private let re2Hint =
    "patterns use RE2 / Go `regexp` syntax (https://golang.org/s/re2syntax), which has no backreferences (`\\1`) and no look-around (`(?=`, `(?!`, `(?<=`); check brackets, parentheses and escapes"

@Suite("validation rules")
struct ValidationTests {
    static let base = [
        "namespace: app",
        "entries:",
        "  - name: p",
        "    kind: security.policy",
        "    policy:",
        "      actions: \"*\"",
        "      resources: \"*\"",
        "      effect: allow",
        "      conditions:",
        "        - field: meta.x",
        "          operator: eq",
        "          value: 1",
    ]

    /// The base file with some lines replaced (`nil` blanks a line, keeping the numbering) and
    /// lines appended.
    static func file(_ changes: [Int: String?] = [:], appending extra: [String] = []) -> String {
        var lines = base
        for (number, text) in changes { lines[number - 1] = text ?? "#" }
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    struct Case: CustomTestStringConvertible {
        var name: String
        var text: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        // Files.
        Case(name: "the base file is valid", text: file(), expected: []),
        // Line 1 is blanked to a comment, so the document (and the mark) starts on line 2.
        Case(
            name: "missing namespace", text: file([1: nil]),
            expected: [
                "p.yaml:2:1: error[missing-namespace]: the file has no `namespace`; add `namespace: <name>` at the top; entry ids are `namespace:name`"
            ]),
        Case(
            name: "namespace not a string", text: file([1: "namespace: 3"]),
            expected: [
                "p.yaml:1:12: error[invalid-namespace]: `namespace` must be a non-empty string, found an integer; write `namespace: app.security`"
            ]),
        Case(
            name: "empty namespace", text: file([1: "namespace: ''"]),
            expected: [
                "p.yaml:1:12: error[invalid-namespace]: `namespace` must be a non-empty string, found an empty string; write `namespace: app.security`"
            ]),
        Case(
            name: "document not a mapping", text: "- a\n",
            expected: [
                "p.yaml:1:1: error[invalid-document]: a policy file must be a mapping with `namespace` and `entries`, found a sequence; start the file with `namespace: <name>`"
            ]),
        Case(
            name: "empty file", text: "# nothing\n",
            expected: [
                "p.yaml:1:1: error[missing-namespace]: the file is empty; add `namespace: <name>` and `entries:`, or remove the file"
            ]),
        Case(
            name: "entries not a list", text: "namespace: app\nentries: {a: 1}\n",
            expected: [
                "p.yaml:2:10: error[invalid-entries]: `entries` must be a list, found a mapping; write each entry as a list item starting with `- name:`"
            ]),
        Case(
            name: "entry not a mapping", text: "namespace: app\nentries: [x]\n",
            expected: [
                "p.yaml:2:11: error[invalid-entries]: an entry must be a mapping, found a string; write `- name: ...` with `kind:` on the next line"
            ]),
        Case(
            name: "file meta not a mapping", text: "namespace: app\nmeta: [a]\nentries: []\n",
            expected: [
                "p.yaml:2:7: error[invalid-value]: `meta` of the file must be a mapping, found a sequence; write `meta: {key: value}`"
            ]),
        Case(
            name: "numeric version", text: file(appending: ["version: 1.0"]),
            expected: [
                "p.yaml:13:10: warning[non-string-version]: `version` is a number `1.0`, not a string; quote it: `version: \"1.0\"`"
            ]),
        Case(
            name: "integer version", text: file(appending: ["version: 2"]),
            expected: [
                "p.yaml:13:10: warning[non-string-version]: `version` is an integer `2`, not a string; quote it: `version: \"2\"`"
            ]),
        Case(
            name: "mapping version", text: file(appending: ["version: {major: 1}"]),
            expected: [
                "p.yaml:13:10: warning[non-string-version]: `version` is a mapping, not a string; write `version: \"1.0\"`, or remove it"
            ]),
        Case(name: "quoted version", text: file(appending: ["version: \"1.0\""]), expected: []),
        Case(name: "plain text version", text: file(appending: ["version: v1"]), expected: []),

        // Entries.
        Case(
            name: "entry without kind", text: file([4: nil]),
            expected: ["p.yaml:3:5: error[missing-key]: entry has no `kind`; add `kind: security.policy`"]),
        Case(
            name: "kind not a string", text: file([4: "    kind: [a]"]),
            expected: [
                "p.yaml:4:11: error[invalid-value]: `kind` must be a non-empty string, found a sequence; write `kind: security.policy`"
            ]),
        Case(
            name: "kind one typo away from a policy", text: file([4: "    kind: security.polcy"]),
            expected: [
                "p.yaml:4:11: error[unknown-kind]: unknown entry kind `security.polcy`; did you mean `security.policy`? entries of other kinds are ignored"
            ]),
        Case(
            name: "entries of other kinds are ignored",
            text: file([4: "    kind: process.lua", 8: "      effect: whatever"]), expected: []),
        Case(
            name: "entry without name", text: file([3: "  - kind: security.policy", 4: nil]),
            expected: ["p.yaml:3:5: error[missing-key]: policy entry has no `name`; add `name: <unique name>`"]),
        Case(
            name: "empty name", text: file([3: "  - name: ''"]),
            expected: [
                "p.yaml:3:11: error[invalid-value]: `name` must be a non-empty string, found an empty string; quote it if it looks like a number: `name: \"7\"`"
            ]),
        Case(
            name: "numeric name", text: file([3: "  - name: 7"]),
            expected: [
                "p.yaml:3:11: error[invalid-value]: `name` must be a non-empty string, found an integer; quote it if it looks like a number: `name: \"7\"`"
            ]),
        Case(
            name: "unknown key in an entry", text: file(appending: ["    gruops: [admin]"]),
            expected: ["p.yaml:13:5: error[unknown-key]: unknown key `gruops` in policy entry; did you mean `groups`?"]),
        Case(
            name: "unrelated unknown key in an entry", text: file(appending: ["    description: x"]),
            expected: [
                "p.yaml:13:5: error[unknown-key]: unknown key `description` in policy entry; allowed keys are `name`, `kind`, `meta`, `policy`, `groups`"
            ]),
        Case(
            name: "entry without policy",
            text: "namespace: app\nentries:\n  - name: p\n    kind: security.policy\n",
            expected: [
                "p.yaml:3:5: error[missing-key]: policy entry `p` has no `policy`; add `policy:` with `actions`, `resources` and `effect`"
            ]),
        Case(
            name: "policy not a mapping",
            text: "namespace: app\nentries:\n  - name: p\n    kind: security.policy\n    policy: allow\n",
            expected: [
                "p.yaml:5:13: error[invalid-value]: `policy` must be a mapping, found a string; indent `actions`, `resources` and `effect` under `policy:`"
            ]),
        Case(
            name: "entry meta not a mapping", text: file(appending: ["    meta: 5"]),
            expected: [
                "p.yaml:13:11: error[invalid-value]: `meta` of the entry must be a mapping, found an integer; write `meta: {key: value}`"
            ]),
        Case(
            name: "groups not a list", text: file(appending: ["    groups: admin"]),
            expected: [
                "p.yaml:13:13: error[invalid-group]: `groups` must be a list, found `admin`; write `groups: [admin]`"
            ]),
        Case(
            name: "group not a string", text: file(appending: ["    groups: [admin, 1, '']"]),
            expected: [
                "p.yaml:13:21: error[invalid-group]: a group must be a non-empty string, found an integer; write a group name, or `namespace:group` for another namespace",
                "p.yaml:13:24: error[invalid-group]: a group must be a non-empty string, found an empty string; write a group name, or `namespace:group` for another namespace",
            ]),
        Case(
            name: "duplicate id",
            text: file(appending: [
                "  - name: p", "    kind: security.policy", "    policy: {actions: x, resources: x, effect: deny}",
            ]),
            expected: [
                "p.yaml:13:11: error[duplicate-id]: duplicate policy id `app:p`, first defined at p.yaml:3:11; rename one of the two entries"
            ]),

        // `policy:`.
        Case(
            name: "unknown key in policy", text: file([8: "      efect: allow"]),
            expected: [
                "p.yaml:6:7: error[missing-key]: `policy` has no `effect`; add `effect: allow` or `effect: deny`",
                "p.yaml:8:7: error[unknown-key]: unknown key `efect` in `policy`; did you mean `effect`?",
            ]),
        Case(
            name: "capitalised effect", text: file([8: "      effect: Allow"]),
            expected: [
                "p.yaml:8:15: error[invalid-effect]: `effect` must be `allow` or `deny`, found `Allow`; did you mean `allow`?"
            ]),
        Case(
            name: "unknown effect", text: file([8: "      effect: permit"]),
            expected: [
                "p.yaml:8:15: error[invalid-effect]: `effect` must be `allow` or `deny`, found `permit`; effects are lowercase and exact"
            ]),
        Case(
            name: "effect not a scalar", text: file([8: "      effect: [allow]"]),
            expected: [
                "p.yaml:8:15: error[invalid-effect]: `effect` must be `allow` or `deny`, found a sequence; effects are lowercase and exact"
            ]),
        Case(
            name: "missing actions", text: file([6: nil]),
            expected: [
                "p.yaml:7:7: error[missing-key]: `policy` has no `actions`; add `actions: \"*\"` or a list of patterns"
            ]),
        Case(
            name: "empty actions string", text: file([6: "      actions: ''"]),
            expected: [
                "p.yaml:6:16: error[empty-actions]: `actions` is empty, so the policy could never apply; write a pattern, or `\"*\"` for all"
            ]),
        Case(
            name: "empty actions list", text: file([6: "      actions: []"]),
            expected: [
                "p.yaml:6:16: error[empty-actions]: `actions` is an empty list, so the policy could never apply; list at least one pattern, or `\"*\"` for all"
            ]),
        Case(
            name: "empty resources list", text: file([7: "      resources: []"]),
            expected: [
                "p.yaml:7:18: error[empty-resources]: `resources` is an empty list, so the policy could never apply; list at least one pattern, or `\"*\"` for all"
            ]),
        Case(
            name: "actions a mapping", text: file([6: "      actions: {read: true}"]),
            expected: [
                "p.yaml:6:16: error[invalid-pattern-list]: `actions` must be a string or a list of strings, found a mapping; quote the pattern: `actions: \"*\"`"
            ]),
        Case(
            name: "actions a number", text: file([6: "      actions: 5"]),
            expected: [
                "p.yaml:6:16: error[invalid-pattern-list]: `actions` must be a string or a list of strings, found an integer; quote the pattern: `actions: \"5\"`"
            ]),
        Case(
            name: "non-string pattern items", text: file([7: "      resources: [doc, 1, '', ~]"]),
            expected: [
                "p.yaml:7:24: error[invalid-pattern-item]: `resources` items must be non-empty strings, found an integer `1`; quote it: `\"1\"`",
                "p.yaml:7:27: error[invalid-pattern-item]: `resources` items must be non-empty strings, found an empty string; remove it",
                "p.yaml:7:31: error[invalid-pattern-item]: `resources` items must be non-empty strings, found null `~`; remove it",
            ]),
        Case(
            name: "expression in a condition policy",
            text: file([9: "      expression: 'true'", 10: nil, 11: nil, 12: nil]),
            expected: [
                "p.yaml:9:7: error[unknown-key]: unknown key `expression` in `policy`; `expression` needs kind `security.policy.expr`"
            ]),
        Case(
            name: "conditions in an expression policy", text: file([4: "    kind: security.policy.expr"]),
            expected: [
                "p.yaml:6:7: error[missing-key]: expression policy has no `expression`; add `expression: <boolean expression>`",
                "p.yaml:9:7: error[unknown-key]: unknown key `conditions` in `policy`; `security.policy.expr` entries take `expression`; use kind `security.policy` for `conditions`",
            ]),
        Case(
            name: "expression not a string",
            text: file([4: "    kind: security.policy.expr", 9: "      expression: [a]", 10: nil, 11: nil, 12: nil]),
            expected: [
                "p.yaml:9:19: error[invalid-value]: `expression` must be a non-empty string, found a sequence; quote the expression: `expression: 'actor.meta.role == \"admin\"'`"
            ]),

        Case(
            name: "empty expression",
            text: file([4: "    kind: security.policy.expr", 9: "      expression: ''", 10: nil, 11: nil, 12: nil]),
            expected: [
                "p.yaml:9:19: error[invalid-value]: `expression` must be a non-empty string, found an empty string; quote the expression: `expression: 'actor.meta.role == \"admin\"'`"
            ]),

        // Conditions.
        Case(
            name: "conditions not a list", text: file([9: "      conditions: {field: x}", 10: nil, 11: nil, 12: nil]),
            expected: [
                "p.yaml:9:19: error[invalid-value]: `conditions` must be a list, found a mapping; write each condition as a list item `- field: ...`, or remove `conditions`"
            ]),
        Case(
            name: "null conditions", text: file([10: nil, 11: nil, 12: nil]),
            expected: [
                "p.yaml:9:18: error[invalid-value]: `conditions` must be a list, found null; write each condition as a list item `- field: ...`, or remove `conditions`"
            ]),
        Case(
            name: "condition not a mapping", text: file([10: "        - eq", 11: nil, 12: nil]),
            expected: [
                "p.yaml:10:11: error[invalid-value]: a condition must be a mapping, found a string; write `- field: ...` with `operator:` and `value:` below it"
            ]),
        Case(
            name: "misspelt operator key", text: file([11: "          operater: eq"]),
            expected: [
                "p.yaml:10:11: error[missing-operator]: condition has no `operator`; add `operator: eq` (or another operator)",
                "p.yaml:11:11: error[unknown-key]: unknown key `operater` in condition; did you mean `operator`?",
            ]),
        Case(
            name: "missing field", text: file([10: "        - operator: eq", 11: "          value: 1", 12: nil]),
            expected: [
                "p.yaml:10:11: error[missing-field]: condition has no `field`; add `field: <path>`, e.g. `actor.meta.role`"
            ]),
        Case(
            name: "missing value", text: file([12: nil]),
            expected: [
                "p.yaml:10:11: error[missing-value]: condition has neither `value` nor `value_from`; add `value: <value>`"
            ]),
        Case(
            name: "missing exists value", text: file([11: "          operator: exists", 12: nil]),
            expected: [
                "p.yaml:10:11: error[missing-value]: condition has neither `value` nor `value_from`; add `value: true` or `value: false`"
            ]),
        Case(
            name: "both value and value_from", text: file(appending: ["          value_from: actor.id"]),
            expected: [
                "p.yaml:13:11: error[conflicting-value]: condition has both `value` and `value_from`; keep one of them"
            ]),
        Case(
            name: "uppercase operator", text: file([11: "          operator: EQ"]),
            expected: ["p.yaml:11:21: error[unknown-operator]: unknown operator `EQ`; did you mean `eq`?"]),
        Case(
            name: "near-miss operator", text: file([11: "          operator: contain"]),
            expected: ["p.yaml:11:21: error[unknown-operator]: unknown operator `contain`; did you mean `contains`?"]),
        Case(
            name: "unknown operator", text: file([11: "          operator: between"]),
            expected: [
                "p.yaml:11:21: error[unknown-operator]: unknown operator `between`; operators are `eq`, `ne`, `lt`, `gt`, `lte`, `gte`, `in`, `nin`, `contains`, `ncontains`, `matches`, `nmatches`, `exists`, `nexists`"
            ]),
        Case(
            name: "field path actor alone", text: file([10: "        - field: actor"]),
            expected: [
                "p.yaml:10:18: error[bad-field-path]: bad field path `actor`: `actor` alone is not a field; use `actor.id` or `actor.meta.<key>`"
            ]),
        Case(
            name: "field path meta alone", text: file([10: "        - field: meta"]),
            expected: [
                "p.yaml:10:18: error[bad-field-path]: bad field path `meta`: `meta` alone is not a field; use `meta.<key>`"
            ]),
        Case(
            name: "field path actor.name", text: file([10: "        - field: actor.name"]),
            expected: [
                "p.yaml:10:18: error[bad-field-path]: bad field path `actor.name`: the actor has no member `name`; use `actor.id` or `actor.meta.<key>`"
            ]),
        Case(
            name: "value_from path actor.name", text: file([12: "          value_from: actor.name"]),
            expected: [
                "p.yaml:12:23: error[bad-field-path]: bad `value_from` path `actor.name`: the actor has no member `name`; use `actor.id` or `actor.meta.<key>`"
            ]),
        Case(
            name: "exists with a string", text: file([11: "          operator: exists", 12: "          value: 'yes'"]),
            expected: [
                "p.yaml:12:18: error[exists-not-boolean]: `exists` needs `true` or `false`, found string `yes`; write `value: true` (present) or `value: false` (absent)"
            ]),
        Case(
            name: "nexists with value_from",
            text: file([11: "          operator: nexists", 12: "          value_from: meta.y"]),
            expected: [
                "p.yaml:12:23: error[exists-not-boolean]: `nexists` takes a literal `true` or `false`, not `value_from`; write `value: true` (present) or `value: false` (absent)"
            ]),
        Case(
            name: "matches with a number", text: file([11: "          operator: matches", 12: "          value: 123"]),
            expected: [
                "p.yaml:12:18: error[matches-not-literal-string]: `matches` needs a regular expression string, found int `123`; quote the value: `value: \"123\"`"
            ]),
        Case(
            name: "nmatches with value_from",
            text: file([11: "          operator: nmatches", 12: "          value_from: meta.re"]),
            expected: [
                "p.yaml:12:23: error[matches-not-literal-string]: `nmatches` takes a literal regular expression, not `value_from`; write the regular expression as `value: \"...\"`"
            ]),
        Case(
            name: "invalid regular expression",
            text: file([11: "          operator: matches", 12: "          value: '(['"]),
            expected: ["p.yaml:12:18: error[invalid-regex]: invalid regular expression `([`: missing ]: [; \(re2Hint)"]),
        Case(
            name: "a backreference is not RE2 syntax",
            text: file([11: "          operator: matches", 12: "          value: '^(a)\\1$'"]),
            expected: [
                "p.yaml:12:18: error[invalid-regex]: invalid regular expression `^(a)\\1$`: invalid escape sequence: \\1; \(re2Hint)"
            ]),
        Case(
            name: "look-ahead is not RE2 syntax",
            text: file([11: "          operator: nmatches", 12: "          value: '^user(?=:)'"]),
            expected: [
                "p.yaml:12:18: error[invalid-regex]: invalid regular expression `^user(?=:)`: invalid perl operator: (?=; \(re2Hint)"
            ]),
        Case(
            name: "an empty regular expression",
            text: file([11: "          operator: matches", 12: "          value: ''"]),
            expected: [
                "p.yaml:12:18: error[invalid-regex]: the regular expression of `matches` is empty, which matches everything; remove the condition, or write the pattern you mean"
            ]),
        Case(
            name: "RE2 classes and flags are valid",
            text: file([11: "          operator: matches", 12: "          value: '(?i)^[[:alpha:]]+:\\d+$'"]),
            expected: []),
        Case(
            name: "gte with a list", text: file([11: "          operator: gte", 12: "          value: [1, 2]"]),
            expected: [
                "p.yaml:12:18: error[ordering-not-scalar]: `gte` compares numbers, found list `[1,2]`, which can never be one; write a number or a numeric string, e.g. `value: 3`; to test membership use `in`"
            ]),
        Case(
            name: "lt with a map", text: file([11: "          operator: lt", 12: "          value: {max: 3}"]),
            expected: [
                "p.yaml:12:18: error[ordering-not-scalar]: `lt` compares numbers, found map `{\"max\":3}`, which can never be one; write a number or a numeric string, e.g. `value: 3`; to test membership use `in`"
            ]),
        Case(
            name: "gt with a numeric string is valid",
            text: file([11: "          operator: gt", 12: "          value: '10'"]),
            expected: []),
        Case(
            name: "in with a number", text: file([11: "          operator: in", 12: "          value: 5"]),
            expected: [
                "p.yaml:12:18: error[in-not-list]: `in` needs a list or a string, found int `5`; write a list: `value: [5]`"
            ]),
        Case(
            name: "nin with a mapping", text: file([11: "          operator: nin", 12: "          value: {a: 1}"]),
            expected: [
                "p.yaml:12:18: error[in-not-list]: `nin` needs a list or a string, found map `{\"a\":1}`; write a list: `value: [{\"a\":1}]`"
            ]),
        Case(
            name: "yaml value errors pass through", text: file([12: "          value: !!int abc"]),
            expected: [
                "p.yaml:12:18: error[invalid-value]: `abc` is not a valid `!!int` value; write a 64-bit integer such as `42`, `-7`, `0o17` or `0x1F`"
            ]),
    ]

    @Test(arguments: cases)
    func rule(_ c: Case) {
        let result = load(c.text)
        #expect(result.diagnostics.map(\.description) == c.expected)
        #expect((result.policySet == nil) == c.expected.contains { $0.contains(": error[") })
    }

    @Test func yamlSyntaxErrorsPassThroughWithTheirCode() {
        let result = load("namespace: app\nentries:\n  - name: [\n")
        #expect(result.policySet == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.code == .yaml("syntax"))
        #expect(result.diagnostics.first?.description.hasPrefix("p.yaml:") == true)
    }

    @Test func unknownTopLevelKeysAreWarningsAndTheSetLoads() {
        let result = load(
            Self.file().replacingOccurrences(
                of: "namespace: app\n", with: "namespace: app\nversion: \"1.0\"\nnamspace: x\n"))
        #expect(
            result.diagnostics.map(\.description) == [
                "p.yaml:3:1: warning[unknown-top-level-key]: unknown key `namspace` in the file; did you mean `namespace`?"
            ])
        #expect(result.policySet?.policyIDs == ["app:p"])
    }

    @Test func allErrorsOfAFileAreReportedAtOnce() {
        let text = Self.file(
            [6: "      actions: []", 8: "      effect: Deny", 11: "          operator: EQ"],
            appending: [
                "  - name: q", "    kind: security.policy",
                "    policy: {actions: x, resources: x, effect: deny, conditions: [{field: actor}]}",
            ])
        #expect(
            load(text).diagnostics.map(\.code) == [
                .emptyActions, .invalidEffect, .unknownOperator, .missingOperator, .missingValue,
            ])
    }

    @Test func expressionSyntaxErrorsArePlacedInTheFile() {
        let inline = load(
            Self.file([
                4: "    kind: security.policy.expr", 9: "      expression: actor.id ==", 10: nil, 11: nil, 12: nil,
            ]))
        #expect(
            inline.diagnostics.map(\.description) == [
                "p.yaml:9:30: error[expr-syntax]: unexpected end of expression; expected an operand"
            ])
        let quoted = load(
            Self.file([
                4: "    kind: security.policy.expr", 9: "      expression: 'actor.id == )'", 10: nil, 11: nil, 12: nil,
            ]))
        #expect(quoted.diagnostics.first?.mark.description == "p.yaml:9:32")
        #expect(quoted.diagnostics.first?.code == .expression("expr-syntax"))
        let block = load(
            Self.file([
                4: "    kind: security.policy.expr", 9: "      expression: |", 10: "        actor.id == \"u\" &&",
                11: "          meta.x ==", 12: nil,
            ]))
        #expect(block.diagnostics.first?.mark.description == "p.yaml:11:20")
        #expect(block.diagnostics.first?.code == .expression("expr-syntax"))
    }

    @Test func anExpressionThatCanNeverBeBooleanIsALoadError() {
        let result = load(
            Self.file([4: "    kind: security.policy.expr", 9: "      expression: 1 + 2", 10: nil, 11: nil, 12: nil]))
        #expect(result.policySet == nil)
        #expect(result.diagnostics.map(\.code) == [.expression("expr-not-boolean")])
        #expect(result.diagnostics.first?.mark.description == "p.yaml:9:19")
    }
}
