import Testing
import WardenGlob
import WardenPolicy

@Suite("pattern matching (spec section 3)")
struct GlobPatternTests {
    struct Row: CustomTestStringConvertible {
        var pattern: String
        var subject: String
        var matches: Bool
        var testDescription: String { "`\(pattern)` \(matches ? "matches" : "does not match") `\(subject)`" }
    }

    static let rows: [Row] = [
        // `*` alone, and `*` anywhere.
        Row(pattern: "*", subject: "anything", matches: true),
        Row(pattern: "*", subject: "", matches: true),
        Row(pattern: "**", subject: "abc", matches: true),
        Row(pattern: "*.read", subject: "document.read", matches: true),
        Row(pattern: "*.read", subject: ".read", matches: true),
        Row(pattern: "*.read", subject: "document.reader", matches: false),
        Row(pattern: "a*b", subject: "axb", matches: true),
        Row(pattern: "a*b", subject: "ab", matches: true),
        Row(pattern: "a*b", subject: "a", matches: false),
        Row(pattern: "a*a", subject: "a", matches: false),
        Row(pattern: "a*a", subject: "aa", matches: true),
        Row(pattern: "a*b*c", subject: "a-b-c", matches: true),
        Row(pattern: "a*b*c", subject: "acb", matches: false),
        Row(pattern: "a*b*c", subject: "abbc", matches: true),
        Row(pattern: "doc*", subject: "document", matches: true),
        Row(pattern: "document:*", subject: "document:financial", matches: true),
        Row(pattern: "document:*", subject: "image:logo", matches: false),
        Row(pattern: "{app:processes|*", subject: "{app:processes|0x00002}", matches: true),
        Row(pattern: "{app:processes|*", subject: "{node1@app:processes|0x00001}", matches: false),
        Row(pattern: "app:*", subject: "app.generated:x", matches: false),
        // A trailing `.*` also matches the text before it.
        Row(pattern: "process.spawn.*", subject: "process.spawn", matches: true),
        Row(pattern: "process.spawn.*", subject: "process.spawn.linked", matches: true),
        Row(pattern: "process.spawn.*", subject: "process.spawn.", matches: true),
        Row(pattern: "process.spawn.*", subject: "process.spawner", matches: false),
        Row(pattern: "process.spawn.*", subject: "process.spaw", matches: false),
        Row(pattern: "registry.read.*", subject: "registry.read.document", matches: true),
        Row(pattern: ".*", subject: ".hidden", matches: true),
        Row(pattern: ".*", subject: "", matches: true),
        Row(pattern: ".*", subject: "hidden", matches: false),
        Row(pattern: "*.*", subject: "plain", matches: true),
        Row(pattern: "a*.*", subject: "ab", matches: true),
        Row(pattern: "a*.*", subject: "b.c", matches: false),
        // Literal, byte-wise, case-sensitive.
        Row(pattern: "process.send", subject: "process.send", matches: true),
        Row(pattern: "process.send", subject: "process.sen", matches: false),
        Row(pattern: "process.send", subject: "process.send2", matches: false),
        Row(pattern: "Document:*", subject: "document:x", matches: false),
        Row(pattern: "a?b", subject: "axb", matches: false),
        Row(pattern: "a?b", subject: "a?b", matches: true),
        Row(pattern: "[ab]", subject: "a", matches: false),
        Row(pattern: "a\\*", subject: "a\\x", matches: true),
        Row(pattern: "caf\u{E9}", subject: "cafe\u{301}", matches: false),
        Row(pattern: "caf\u{E9}", subject: "caf\u{E9}", matches: true),
        Row(pattern: "*\u{E9}", subject: "caf\u{E9}", matches: true),
        Row(pattern: "\u{1F600}*", subject: "\u{1F600}x", matches: true),
    ]

    @Test(arguments: rows)
    func matching(_ row: Row) {
        #expect(GlobPattern(row.pattern).matches(row.subject) == row.matches)
    }

    @Test(arguments: rows)
    func thePolicyIndexFindsExactlyTheMatchingPolicies(_ row: Row) throws {
        // The same pattern as an action and as a resource (behind a `*` action, so the
        // resource index is used), in a set with unrelated policies.
        let set = try compiled([
            policy("action", actions: [row.pattern]),
            policy("resource", actions: ["*"], resources: [row.pattern]),
            policy("other", actions: ["zzz"], resources: ["zzz"]),
        ])
        let byAction = set.evaluate(request(row.subject, "r"), in: set.allPolicies)
        #expect(byAction.policies.contains("t:action") == row.matches)
        let byResource = set.evaluate(request("zz", row.subject), in: set.allPolicies)
        #expect(byResource.policies.contains("t:resource") == row.matches)
        #expect(!byResource.policies.contains("t:other"))
    }
}
