import Testing
import WardenRegex

/// Compiles `pattern`, failing the test when RE2 rejects it.
private func compiled(_ pattern: String) throws -> RegularExpression {
    try RegularExpression.compile(pattern).get()
}

/// Why RE2 rejects `pattern`, or `nil` when it compiles.
private func rejection(_ pattern: String) -> RegularExpressionError? {
    if case .failure(let error) = RegularExpression.compile(pattern) { return error }
    return nil
}

@Suite("regular expressions: RE2 / Go syntax, unanchored, linear time")
struct RegularExpressionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let pattern: String
        let subject: String
        let matches: Bool
        var testDescription: String { "`\(pattern)` on `\(subject)` -> \(matches)" }
    }

    @Test(
        "matching is an unanchored search in Go regexp syntax",
        arguments: [
            Case(pattern: "b", subject: "abc", matches: true),
            Case(pattern: "^b", subject: "abc", matches: false),
            Case(pattern: "c$", subject: "abc", matches: true),
            Case(pattern: "^user:\\d+$", subject: "user:42", matches: true),
            Case(pattern: "^user:\\d+$", subject: "user:4x", matches: false),
            Case(pattern: "(?i)^USER:", subject: "user:1", matches: true),
            Case(pattern: "^USER:", subject: "user:1", matches: false),
            Case(pattern: "^[[:alpha:]]+$", subject: "abc", matches: true),
            Case(pattern: "^[[:alpha:]]+$", subject: "ab1", matches: false),
            Case(pattern: "\\pL+", subject: "été", matches: true),
            Case(pattern: "^.$", subject: "é", matches: true),
            Case(pattern: "a.c", subject: "a\nc", matches: false),
            Case(pattern: "(?s)a.c", subject: "a\nc", matches: true),
            Case(pattern: "^(?P<name>[a-z]+)$", subject: "abc", matches: true),
            Case(pattern: "x*", subject: "", matches: true),
            Case(pattern: "tenant\\.acme", subject: "tenantXacme", matches: false),
        ])
    func matching(_ c: Case) throws {
        #expect(try compiled(c.pattern).matches(c.subject) == c.matches)
    }

    @Test(
        "plain literals (the byte-search fast path) answer as the engine would",
        arguments: [
            Case(pattern: "doc", subject: "my-doc-1", matches: true),
            Case(pattern: "doc", subject: "do", matches: false),
            Case(pattern: "^doc", subject: "document", matches: true),
            Case(pattern: "^doc", subject: "a document", matches: false),
            Case(pattern: "^doc:.*", subject: "doc:", matches: true),
            Case(pattern: "^doc:.*", subject: "doc", matches: false),
            Case(pattern: "app:workers", subject: "{app:workers|0x1}", matches: true),
            Case(pattern: "", subject: "", matches: true),
            Case(pattern: "^", subject: "anything", matches: true),
        ])
    func literals(_ c: Case) throws {
        #expect(try compiled(c.pattern).matches(c.subject) == c.matches)
        // The same question through the engine: a group makes the pattern a non-literal.
        let viaEngine = try compiled("(?:)" + c.pattern.replacingPrefix("^", with: "^(?:)"))
        #expect(try viaEngine.matches(c.subject) == c.matches)
    }

    @Test("a pattern that backtracks catastrophically elsewhere decides in linear time")
    func noCatastrophicBacktracking() throws {
        let regex = try compiled("^(?:(a+)+$|.*evil)")
        for count in [22, 26, 10_000] {
            let attack = String(repeating: "a", count: count) + "!evil"
            #expect(try regex.matches(attack), "\(count) a's then !evil")
            let clean = String(repeating: "a", count: count) + "!"
            #expect(try !regex.matches(clean), "\(count) a's then !")
        }
        #expect(try regex.matches(String(repeating: "a", count: 10_000)))
    }

    @Test(
        "patterns RE2 rejects are errors carrying RE2's reason",
        arguments: [
            ("^(a)\\1$", "invalid escape sequence: \\1"),
            ("^user(?=:)", "invalid perl operator: (?="),
            ("(?<!x)y", "invalid perl operator: (?<"),
            ("([", "missing ]"),
            ("(a", "missing )"),
            ("a{1001}", "invalid repetition size: {1001}"),
        ])
    func rejected(_ pattern: String, _ reason: String) throws {
        let error = try #require(rejection(pattern))
        #expect(error.pattern == pattern)
        #expect(error.reason.contains(reason), "\(error.reason)")
        #expect(error.description.hasPrefix("invalid regular expression `\(pattern)`: "))
    }

    @Test("the hint names the syntax and what it leaves out")
    func hint() {
        #expect(RegularExpressionError.hint.contains("Go `regexp`"))
        #expect(RegularExpressionError.hint.contains("backreferences"))
        #expect(RegularExpressionError.hint.contains("look-around"))
    }

    @Test("a pattern too large for the memory limit is rejected at compile time, not at match time")
    func memoryLimit() {
        let huge = String(repeating: "(?:[\\p{L}\\p{N}]{1000})", count: 40)
        let error = rejection(huge)
        #expect(error?.reason.contains("too large") == true, "\(String(describing: error))")
    }

    @Test("one compiled expression matches from many threads at once")
    func concurrentMatching() async throws {
        let regex = try compiled("^tenant:[a-z]+:\\d{1,4}$")
        let results = await withTaskGroup(of: Bool.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let subject = i.isMultiple(of: 2) ? "tenant:acme:\(i)" : "tenant:ACME:\(i)"
                    return (try? regex.matches(subject)) == i.isMultiple(of: 2)
                }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
