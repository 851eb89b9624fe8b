import Testing
import WardenValue
import WardenYAML

@Suite struct TagTests {
    @Test(arguments: [
        ("!!str 123", Value.string("123")), ("!!str true", .string("true")), ("!!str ~", .string("~")),
        ("! 12", .string("12")),
        ("!!int \"42\"", .int(42)), ("!!int 0x1F", .int(31)), ("!!int -3", .int(-3)),
        ("!!float 1", .double(1)), ("!!float \"2.5\"", .double(2.5)), ("!!float -.inf", .double(-.infinity)),
        ("!!bool \"true\"", .bool(true)), ("!!bool FALSE", .bool(false)),
        ("!!null ''", .null), ("!!null ~", .null), ("!!null", .null),
        ("!!seq [1]", .list([.int(1)])), ("!!map {a: 1}", .map(["a": .int(1)])),
    ])
    func coreTagsAreHonoured(source: String, expected: Value) throws {
        #expect(try at(try parseOne("v: \(source)\n"), "v").value == expected)
    }

    @Test(arguments: [
        ("!!int abc", YAMLError.Code.invalidValue), ("!!int 1.5", .invalidValue),
        ("!!int 9223372036854775808", .invalidValue), ("!!float abc", .invalidValue),
        ("!!bool yes", .invalidValue), ("!!null 0", .invalidValue),
        ("!!map x", .invalidValue), ("!!seq {a: 1}", .invalidValue), ("!!map [1]", .invalidValue),
        ("!custom x", .unknownTag), ("!!binary aGk=", .unknownTag), ("!!timestamp 2001-12-14", .unknownTag),
    ])
    func contentThatDoesNotFitItsTagIsAnErrorAtTheNode(source: String, code: YAMLError.Code) throws {
        let root = try parseOne("k: 1\nv: \(source)\n")
        do {
            let value = try root.value
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.code == code)
            #expect(error.mark.description == "test.yaml:2:4")
            #expect(error.message.contains("`"))
            #expect(!error.hint.isEmpty)
        }
    }

    @Test func aLongValueIsQuotedShortInTheError() throws {
        let long = String(repeating: "9", count: 5_000) + "x"
        let root = try parseOne("v: !!int \(long)\n")
        do {
            let value = try root.value
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(
                error.message
                    == "`\(String(repeating: "9", count: 80))…` (5001 characters) is not a valid `!!int` value")
        }
    }

    @Test func aLongDuplicateKeyIsQuotedShort() throws {
        let key = String(repeating: "k", count: 300)
        let error = try parseError("\(key): 1\n\(key): 2\n")
        #expect(
            error.message.hasPrefix(
                "duplicate mapping key `\(String(repeating: "k", count: 80))…` (300 characters) at "))
    }

    @Test func tagsAreKeptInShortForm() throws {
        let root = try parseOne("a: !!str 1\nb: !local x\nc: plain\n")
        #expect(try at(root, "a").tag == "!!str")
        #expect(try at(root, "b").tag == "!local")
        #expect(try at(root, "c").tag == nil)
    }
}
