import Testing
import WardenExpression
import WardenValue

@Suite("literals and lexing")
struct LexerTests {
    @Test(
        "literals read as documented",
        arguments: [
            ("42", Value.int(42)), ("1_000", .int(1000)), ("0x1F", .int(31)), ("1.5", .double(1.5)),
            ("1e3", .double(1000)),
            ("2.5e-1", .double(0.25)), ("\"a\\\"b\"", .string("a\"b")), ("'it\\'s'", .string("it's")),
            ("'say \"hi\"'", .string("say \"hi\"")),
            ("\"tab\\tnl\\n\"", .string("tab\tnl\n")), ("\"\\u00e9\\U0001F600\\x41\"", .string("é😀A")),
            ("`^a\\.b$`", .string("^a\\.b$")),
            ("\"é\"", .string("é")), ("true", .bool(true)), ("nil", .null), ("[1, \"a\", [],]", .list([1, "a", []])),
            ("{a: 1, \"b c\": [2], in: 3}", .map(["a": 1, "b c": [2], "in": 3])), ("{}", .map([:])),
            ("1 // comment", .int(1)), ("/* a */ 2 /* b */", .int(2)), ("\n  3\n", .int(3)),
        ])
    func literal(source: String, expected: Value) throws {
        #expect(try value(source) == expected)
    }

    @Test(
        "bad literals are syntax errors",
        arguments: [
            "\"\\q\"", "\"\\x80\"", "\"\\uD800\"", "\"\\u12\"", "`open", "1abc", "0xZZ", "/* open", "1e999", "@",
            "'a\nb'",
        ])
    func badLiteral(source: String) throws {
        #expect(loadDiagnostics(source + " == nil")?.first?.code == .syntax)
    }

    @Test("keywords may be member names")
    func keywordMembers() throws {
        #expect(try value("meta.in", environment(meta: ["in": 1])) == .int(1))
        #expect(try value("meta.contains", environment(meta: ["contains": true])) == .bool(true))
    }

    @Test("a ternary with a decimal is not optional chaining")
    func ternaryNotOptional() throws {
        #expect(try value("true ?1:2") == .int(1))
    }
}
