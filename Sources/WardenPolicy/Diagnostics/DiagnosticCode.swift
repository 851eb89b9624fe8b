/// The stable kebab-case code of a diagnostic, a closed set callers can switch on.
///
/// YAML and expression problems keep the code their own module gave them (`yaml(_:)`,
/// `expression(_:)`), so tools can tell a syntax error from a policy rule.
public enum DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    // Files.
    /// A file or directory could not be read.
    case ioError
    /// The YAML module rejected the text; the payload is its own code.
    case yaml(String)
    /// The document is not a mapping at the top.
    case invalidDocument
    /// A policy file has no `namespace`.
    case missingNamespace
    /// `namespace` is not a non-empty string.
    case invalidNamespace
    /// `entries` is not a list, or an entry is not a mapping.
    case invalidEntries
    /// A top-level key Warden does not know (a warning: registry files may carry others).
    case unknownTopLevelKey
    /// `version` is not a string (`version: 1.0` is the number 1): a warning, the value is not
    /// interpreted, but other tools read it as a string.
    case nonStringVersion
    /// No policy file was found under the paths given (an empty or wrong directory).
    case noPolicyFiles
    /// A directory entry that is neither a regular file nor a directory (a FIFO, a socket, a
    /// device) was skipped: reading it could block.
    case skippedSpecialFile
    /// A symbolic link leads back to a directory already being read.
    case symlinkLoop

    // Entries.
    /// A required key (`name`, `kind`, `policy`, `effect`, `actions`, `resources`, ...) is absent.
    case missingKey
    /// An entry kind one typo away from a policy kind (`security.polcy`), which would be ignored.
    case unknownKind
    /// A key inside an entry, `policy:` or a condition that Warden does not know.
    case unknownKey
    /// A value has the wrong type or is empty (`name: 3`, `kind: ""`, `meta: [a]`).
    case invalidValue
    /// Two policies have the same `namespace:name` id.
    case duplicateID
    /// `effect` is not exactly `allow` or `deny`.
    case invalidEffect
    /// `actions` is an empty string or an empty list.
    case emptyActions
    /// `resources` is an empty string or an empty list.
    case emptyResources
    /// `actions`/`resources` is neither a string nor a list of strings.
    case invalidPatternList
    /// An item of an `actions`/`resources` list is not a non-empty string.
    case invalidPatternItem
    /// `groups` is not a list of non-empty strings.
    case invalidGroup

    // Conditions.
    /// A condition has no `field`.
    case missingField
    /// A condition has no `operator`.
    case missingOperator
    /// A condition has neither `value` nor `value_from`.
    case missingValue
    /// A condition has both `value` and `value_from`.
    case conflictingValue
    /// The operator is not one of the spec's (operators are lowercase and exact).
    case unknownOperator
    /// A field path (or `value_from` path) that names nothing: `actor`, `meta`, `actor.name`, `""`.
    case badFieldPath
    /// `exists`/`nexists` with a value that is not `true`/`false`.
    case existsNotBoolean
    /// `matches`/`nmatches` with `value_from` or a value that is not a string.
    case matchesNotLiteralString
    /// `matches`/`nmatches` with a value that is not a valid regular expression.
    case invalidRegex
    /// `in`/`nin` with a literal value that is neither a list nor a string.
    case inNotList
    /// `lt`/`gt`/`lte`/`gte` with a literal list or map, which can never be compared as a number.
    case orderingNotScalar

    // Expressions.
    /// An expression policy, while expressions are not available in this build.
    case exprUnsupported
    /// The expression compiler rejected the expression; the payload is its own code.
    case expression(String)

    // Lint.
    /// A `*` that the reference runtime reads as a literal character.
    case wildcardInsidePattern
    /// A pattern ending in `.*` that the reference runtime reads as a raw prefix test.
    case dotStarPrefix
    /// An allow policy that a condition-free deny covers entirely.
    case shadowedAllow
    /// The same pattern twice in one `actions`/`resources` filter.
    case duplicatePattern

    // Test files.
    /// A `warden test` file that does not follow the format.
    case invalidTestFile
    /// A test's scope names a policy or group that is not loaded.
    case unresolvedScope

    /// The kebab-case code, e.g. `unknown-operator`.
    public var description: String {
        switch self {
        case .ioError: "io-error"
        case .yaml(let code): code
        case .invalidDocument: "invalid-document"
        case .missingNamespace: "missing-namespace"
        case .invalidNamespace: "invalid-namespace"
        case .invalidEntries: "invalid-entries"
        case .unknownTopLevelKey: "unknown-top-level-key"
        case .nonStringVersion: "non-string-version"
        case .noPolicyFiles: "no-policy-files"
        case .skippedSpecialFile: "skipped-special-file"
        case .symlinkLoop: "symlink-loop"
        case .missingKey: "missing-key"
        case .unknownKind: "unknown-kind"
        case .unknownKey: "unknown-key"
        case .invalidValue: "invalid-value"
        case .duplicateID: "duplicate-id"
        case .invalidEffect: "invalid-effect"
        case .emptyActions: "empty-actions"
        case .emptyResources: "empty-resources"
        case .invalidPatternList: "invalid-pattern-list"
        case .invalidPatternItem: "invalid-pattern-item"
        case .invalidGroup: "invalid-group"
        case .missingField: "missing-field"
        case .missingOperator: "missing-operator"
        case .missingValue: "missing-value"
        case .conflictingValue: "conflicting-value"
        case .unknownOperator: "unknown-operator"
        case .badFieldPath: "bad-field-path"
        case .existsNotBoolean: "exists-not-boolean"
        case .matchesNotLiteralString: "matches-not-literal-string"
        case .invalidRegex: "invalid-regex"
        case .inNotList: "in-not-list"
        case .orderingNotScalar: "ordering-not-scalar"
        case .exprUnsupported: "expr-unsupported"
        case .expression(let code): code
        case .wildcardInsidePattern: "wildcard-inside-pattern"
        case .dotStarPrefix: "dot-star-prefix"
        case .shadowedAllow: "shadowed-allow"
        case .duplicatePattern: "duplicate-pattern"
        case .invalidTestFile: "invalid-test-file"
        case .unresolvedScope: "unresolved-scope"
        }
    }
}
