import Testing
import WardenValue
import WardenYAML

@Suite struct CoreSchemaTests {
    /// Plain scalars and the value the YAML 1.2 core schema gives them.
    static let plainCases: [(String, Value)] = [
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("nULL", .string("nULL")), ("nil", .string("nil")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")),
        ("off", .string("off")), ("y", .string("y")), ("n", .string("n")),
        ("Yes", .string("Yes")), ("NO", .string("NO")),
        ("0", .int(0)), ("42", .int(42)), ("+42", .int(42)), ("-17", .int(-17)), ("-0", .int(0)),
        ("007", .int(7)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("0x1f", .int(31)), ("0xff", .int(255)),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("0x7FFFFFFFFFFFFFFF", .int(Int.max)),
        ("9223372036854775808", .string("9223372036854775808")),
        ("0x8000000000000000", .string("0x8000000000000000")),
        ("+0o17", .string("+0o17")), ("0o18", .string("0o18")), ("0o", .string("0o")),
        ("0x", .string("0x")), ("0xG", .string("0xG")), ("1_000", .string("1_000")),
        ("1.5", .double(1.5)), ("-1.5", .double(-1.5)), ("1e3", .double(1000)),
        ("1E-2", .double(0.01)), ("+2.5e+2", .double(250)), ("-.5", .double(-0.5)),
        (".5", .double(0.5)), ("1.", .double(1)),
        (".inf", .double(.infinity)), (".Inf", .double(.infinity)), (".INF", .double(.infinity)),
        ("+.inf", .double(.infinity)), ("-.inf", .double(-.infinity)), ("-.Inf", .double(-.infinity)),
        ("inf", .string("inf")), ("nan", .string("nan")), (".", .string(".")),
        ("1e", .string("1e")), ("e3", .string("e3")), ("1.2.3", .string("1.2.3")),
        ("12:30", .string("12:30")), ("2001-12-14", .string("2001-12-14")),
        ("hello world", .string("hello world")),
    ]

    @Test(arguments: plainCases)
    func plainScalarsResolveWithTheCoreSchema(text: String, expected: Value) throws {
        let root = try parseOne("v: \(text)\n")
        #expect(try at(root, "v").value == expected)
        #expect(CoreSchema.resolvePlain(text) == expected)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func nanSpellingsResolveToNaN(text: String) throws {
        let value = try at(try parseOne("v: \(text)\n"), "v").value
        guard case .double(let d) = value else {
            Issue.record("expected a double, got \(value)")
            return
        }
        #expect(d.isNaN)
    }

    @Test(arguments: [
        ("v: \"true\"", "true"), ("v: 'true'", "true"), ("v: \"123\"", "123"), ("v: '~'", "~"),
        ("v: \"null\"", "null"), ("v: ''", ""), ("v: |\n  42\n", "42\n"), ("v: >-\n  false\n", "false"),
    ])
    func quotedAndBlockScalarsAreAlwaysStrings(source: String, expected: String) throws {
        #expect(try at(try parseOne(source), "v").value == .string(expected))
    }

    @Test func collectionsBecomeListsAndMaps() throws {
        let root = try parseOne("a: [1, x, {b: true}]\nc: {}\nd: []\n")
        let expected: Value = .map([
            "a": .list([.int(1), .string("x"), .map(["b": .bool(true)])]),
            "c": .map([:]), "d": .list([]),
        ])
        #expect(try root.value == expected)
    }

    @Test func mapKeysAreTheKeyTextAsWritten() throws {
        #expect(
            try parseOne("1: a\ntrue: b\n~: c\n").value
                == .map(["1": .string("a"), "true": .string("b"), "~": .string("c")]))
    }

    @Test func aMappingUsedAsAKeyCannotBecomeAValue() throws {
        let root = try parseOne("? [a, b]\n: 1\n")
        do {
            let value = try root.value
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.code == .nonScalarKey)
            #expect(error.mark.description == "test.yaml:1:3")
        }
    }
}
