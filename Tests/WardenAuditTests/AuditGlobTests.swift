import Testing

@testable import WardenAuditReview

@Suite struct AuditGlobTests {
    @Test(arguments: [
        ("process.send", "process.send", true),
        ("process.send", "process.sends", false),
        ("*", "", true),
        ("*", "anything", true),
        ("*.read", "document.read", true),
        ("*.read", "document.write", false),
        ("process.spawn.*", "process.spawn", true),
        ("process.spawn.*", "process.spawn.linked", true),
        ("process.spawn.*", "process.spawner", false),
        ("{app:processes|*", "{app:processes|0x00000002}", true),
        ("{app:processes|*", "{other:processes|0x00000002}", false),
        ("a*b*c", "abc", true),
        ("a*b*c", "aXXbYYc", true),
        ("a*b*c", "acb", false),
        ("a*a", "a", false),
        ("a*a", "aa", true),
        ("Process.send", "process.send", false),
        ("user:*", "user:ünï", true),
    ])
    func matchesLikePolicyPatterns(pattern: String, value: String, expected: Bool) {
        #expect(AuditGlob(pattern).matches(value) == expected)
    }

    @Test func literalPrefixIsWhatEveryMatchStartsWith() {
        #expect(AuditGlob("process.spawn.*").literalPrefix == "process.spawn")
        #expect(AuditGlob("app.*.read").literalPrefix == "app.")
        #expect(AuditGlob("*x").literalPrefix == "")
        #expect(AuditGlob("exact").isLiteral)
    }

    @Test func upperBoundSortsAfterEveryStringWithThePrefix() throws {
        let upper = try #require(AuditGlob.upperBound(ofPrefix: "abc"))
        #expect(upper == "abd")
        #expect(AuditGlob.upperBound(ofPrefix: "a\u{10FFFF}") == "b")
        #expect(AuditGlob.upperBound(ofPrefix: "\u{D7FF}") == "\u{E000}")
        for value in ["abc", "abc\u{10FFFF}zz", "abcz"] {
            #expect(value.utf8.lexicographicallyPrecedes(upper.utf8))
        }
    }
}
