import Testing
import WardenGlob
import WardenPolicy
import WardenTestSupport

/// The compiled policy set matches actions and resources with its own flattened tables and an
/// index; on random patterns and subjects it must select exactly the policies whose patterns the
/// shared reference matcher (``GlobPattern``) says match.
@Suite("compiled patterns agree with the shared pattern language")
struct CompiledPatternAgreementTests {
    /// Short texts over a small alphabet, so stars, dots and repeats collide often (a pattern is
    /// never empty: the loader refuses empty patterns).
    private static func text(_ g: inout SeededGenerator, stars: Bool) -> String {
        let alphabet: [String] = stars ? ["a", "b", ".", "*", "*", "ab", ".*"] : ["a", "b", ".", "ab", "é"]
        let length = Int.random(in: (stars ? 1 : 0)...5, using: &g)
        return (0..<length).map { _ in g.pick(alphabet) }.joined()
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func randomPatternsSelectWhatTheReferenceMatcherSays(seed: UInt64) throws {
        var g = SeededGenerator(seed: seed)
        for _ in 0..<40 {
            let actionPatterns = (0..<6).map { _ in Self.text(&g, stars: true) }
            let resourcePatterns = (0..<6).map { _ in Self.text(&g, stars: true) }
            let byAction = actionPatterns.enumerated().map { policy("a\($0.offset)", actions: [$0.element]) }
            let byResource = resourcePatterns.enumerated().map {
                policy("r\($0.offset)", actions: ["*"], resources: [$0.element])
            }
            let set = try compiled(byAction + byResource)
            for _ in 0..<20 {
                let subject = Self.text(&g, stars: false)
                let selected = set.evaluate(request(subject, subject), in: set.allPolicies).policies
                for (index, pattern) in actionPatterns.enumerated() {
                    let expected = GlobPattern(pattern).matches(subject)
                    #expect(selected.contains("t:a\(index)") == expected, "action `\(pattern)` on `\(subject)`")
                }
                for (index, pattern) in resourcePatterns.enumerated() {
                    let expected = GlobPattern(pattern).matches(subject)
                    #expect(selected.contains("t:r\(index)") == expected, "resource `\(pattern)` on `\(subject)`")
                }
            }
        }
    }
}
