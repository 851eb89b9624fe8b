import WardenGlob
import WardenYAML

/// Warnings about policies that load but may not mean what their author thinks.
///
/// - `wildcard-inside-pattern`, `dot-star-prefix`: the pattern matches a different set of texts
///   in the reference runtime (spec section 7), so the same tree behaves differently there.
/// - `shadowed-allow`: an allow policy that a condition-free deny covers entirely, so it can
///   never grant anything in a scope holding both.
/// - `duplicate-pattern`: the same pattern twice in one `actions`/`resources` list.
public struct PolicyLinter: Sendable {
    /// Creates a linter.
    public init() {}

    /// Lints definitions (as read or as compiled), sorted by mark.
    public func lint(_ definitions: [PolicyDefinition]) -> [PolicyDiagnostic] {
        var warnings: [PolicyDiagnostic] = []
        for definition in definitions {
            lintPatterns(definition.actions, key: "actions", marks: definition.marks.action, into: &warnings)
            lintPatterns(definition.resources, key: "resources", marks: definition.marks.resource, into: &warnings)
        }
        lintShadowing(definitions, into: &warnings)
        return warnings.sortedByMark()
    }

    /// Lints the policies of a set.
    public func lint(_ set: PolicySet) -> [PolicyDiagnostic] {
        lint(set.definitions)
    }

    private func lintPatterns(
        _ patterns: [String], key: String, marks: (Int) -> Mark, into warnings: inout [PolicyDiagnostic]
    ) {
        var seen = Set<String>()
        for (index, pattern) in patterns.enumerated() {
            let mark = marks(index)
            if !seen.insert(pattern).inserted {
                warnings.append(
                    .warning(
                        .duplicatePattern, at: mark, "pattern `\(pattern)` appears twice in `\(key)`",
                        hint: "remove the repeated pattern"))
            }
            if let difference = ReferenceReading.difference(pattern) {
                warnings.append(difference.diagnostic(pattern: pattern, at: mark))
            }
        }
    }

    private func lintShadowing(_ definitions: [PolicyDefinition], into warnings: inout [PolicyDiagnostic]) {
        let denies = definitions.filter { $0.effect == .deny && $0.body == .conditions([]) }.map {
            (definition: $0, actions: $0.actions.map(GlobPattern.init), resources: $0.resources.map(GlobPattern.init))
        }
        guard !denies.isEmpty else { return }
        for allow in definitions where allow.effect == .allow {
            let actions = allow.actions.map(GlobPattern.init)
            let resources = allow.resources.map(GlobPattern.init)
            for deny in denies {
                let coversActions = actions.allSatisfy { inner in
                    deny.actions.contains { PatternCoverage.covers($0, inner) }
                }
                guard coversActions,
                    resources.allSatisfy({ inner in deny.resources.contains { PatternCoverage.covers($0, inner) } })
                else { continue }
                warnings.append(
                    .warning(
                        .shadowedAllow, at: allow.marks.name,
                        "allow policy `\(allow.id)` can never grant access where deny policy `\(deny.definition.id)` is in scope: the deny has no conditions and covers all its actions and resources",
                        hint: "narrow the deny's patterns, give it conditions, or remove the allow"))
                break
            }
        }
    }
}

/// How the reference runtime's code reads a pattern: `*` alone matches all; a trailing `.*` or
/// `*` is a raw prefix test of the text before it; every other `*` is a literal character.
enum ReferenceReading {
    /// Why a pattern's match set differs between the two readings.
    enum Difference {
        case wildcardInside
        case dotStarPrefix(base: String)

        func diagnostic(pattern: String, at mark: Mark) -> PolicyDiagnostic {
            switch self {
            case .wildcardInside:
                .warning(
                    .wildcardInsidePattern, at: mark,
                    "`*` inside `\(pattern)` is a wildcard in Warden but a literal character in the reference runtime",
                    hint: "keep `*` at the end of the pattern if the policy must mean the same in both")
            case .dotStarPrefix(let base):
                .warning(
                    .dotStarPrefix, at: mark,
                    "`\(pattern)` matches `\(base)` and `\(base).<anything>` in Warden, but any text starting with `\(base)` (such as `\(base)x`) in the reference runtime",
                    hint: "write `\(base)*` if any text starting with `\(base)` is meant")
            }
        }
    }

    /// The difference for `pattern`, or `nil` when both readings match the same texts.
    static func difference(_ pattern: String) -> Difference? {
        if pattern == "*" { return nil }
        let body = pattern.utf8.dropLast()
        if body.contains(UInt8(ascii: "*")) { return .wildcardInside }
        if pattern.hasSuffix(".*") {
            return .dotStarPrefix(base: String(decoding: pattern.utf8.dropLast(2), as: UTF8.self))
        }
        return nil
    }
}
