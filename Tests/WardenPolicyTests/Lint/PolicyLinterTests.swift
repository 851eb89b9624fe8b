import Testing
import WardenPolicy

@Suite("lint")
struct PolicyLinterTests {
    static func lint(_ text: String) throws -> [String] {
        PolicyLinter().lint(try load(text).get()).map(\.description)
    }

    @Test(arguments: [
        ("*", false), ("doc*", false), ("process.send", false), ("a*b", true), ("*.read", true), ("**", true),
        ("a*b*", true),
    ])
    func wildcardsInsideAPatternAreFlagged(pattern: String, flagged: Bool) throws {
        let definitions = [policy("p", actions: [pattern])]
        let codes = PolicyLinter().lint(definitions).map(\.code)
        #expect(codes.contains(.wildcardInsidePattern) == flagged)
    }

    @Test(arguments: [("process.*", true), (".*", true), ("a.b.*", true), ("a.b*", false), ("a.*.b", false)])
    func trailingDotStarIsFlagged(pattern: String, flagged: Bool) throws {
        let codes = PolicyLinter().lint([policy("p", resources: [pattern])]).map(\.code)
        #expect(codes.contains(.dotStarPrefix) == flagged)
    }

    @Test func patternWarningsHaveMarksAndHints() throws {
        let warnings = try Self.lint(
            """
            namespace: app
            entries:
              - name: p
                kind: security.policy
                policy:
                  actions: ["*.read", "process.spawn.*", "*.read"]
                  resources: "*"
                  effect: allow
            """)
        #expect(
            warnings == [
                "p.yaml:6:17: warning[wildcard-inside-pattern]: `*` inside `*.read` is a wildcard in Warden but a literal character in the reference runtime; keep `*` at the end of the pattern if the policy must mean the same in both",
                "p.yaml:6:27: warning[dot-star-prefix]: `process.spawn.*` matches `process.spawn` and `process.spawn.<anything>` in Warden, but any text starting with `process.spawn` (such as `process.spawnx`) in the reference runtime; write `process.spawn*` if any text starting with `process.spawn` is meant",
                "p.yaml:6:46: warning[duplicate-pattern]: pattern `*.read` appears twice in `actions`; remove the repeated pattern",
                "p.yaml:6:46: warning[wildcard-inside-pattern]: `*` inside `*.read` is a wildcard in Warden but a literal character in the reference runtime; keep `*` at the end of the pattern if the policy must mean the same in both",
            ])
    }

    @Test func anAllowCoveredByAConditionFreeDenyIsShadowed() throws {
        let definitions = [
            policy("deny_docs", .deny, actions: ["document.*"], resources: ["doc:*"]),
            policy("read_doc", actions: ["document.read"], resources: ["doc:1", "doc:*"]),
            policy("read_img", actions: ["document.read"], resources: ["img:1"]),
            policy("everything", actions: ["*"], resources: ["doc:*"]),
            policy("sub", actions: ["document.read.*"], resources: ["doc:x*"]),
        ]
        let shadowed = PolicyLinter().lint(definitions).filter { $0.code == .shadowedAllow }.map(\.message)
        #expect(
            shadowed == [
                "allow policy `t:read_doc` can never grant access where deny policy `t:deny_docs` is in scope: the deny has no conditions and covers all its actions and resources",
                "allow policy `t:sub` can never grant access where deny policy `t:deny_docs` is in scope: the deny has no conditions and covers all its actions and resources",
            ])
    }

    @Test func aDenyWithConditionsShadowsNothing() {
        let definitions = [
            policy("deny", .deny, conditions: [condition("actor.meta.banned", .eq, true)]),
            policy("allow", actions: ["read"]),
        ]
        #expect(PolicyLinter().lint(definitions).filter { $0.code == .shadowedAllow }.isEmpty)
    }

    @Test func aCatchAllDenyShadowsEveryAllow() {
        let definitions = [policy("lockdown", .deny, actions: ["**"]), policy("a", actions: ["*.x"], resources: ["y"])]
        #expect(PolicyLinter().lint(definitions).filter { $0.code == .shadowedAllow }.count == 1)
    }
}
