import Testing
import WardenYAML

@Suite struct AccessorTests {
    @Test(arguments: [
        ("{a: 1}", "a mapping"), ("[1]", "a sequence"), ("~", "null"), ("true", "a boolean"),
        ("42", "an integer"), ("1.5", "a number"), ("yes", "a string"), ("\"42\"", "a string"),
        ("!!int 7", "an integer"), ("!!int x", "a scalar"),
    ])
    func kindNameDescribesTheNodeForMessages(source: String, expected: String) throws {
        #expect(try at(try parseOne("v: \(source)\n"), "v").kindName == expected)
    }

    @Test func accessorsExposeContentByKind() throws {
        let root = try parseOne("s: 'x'\nl: [1, 2]\nm: {k: v}\n")
        let s = try at(root, "s")
        #expect(s.scalarText == "x")
        #expect(s.scalarStyle == .singleQuoted)
        #expect(s.sequenceItems == nil && s.mappingPairs == nil)
        #expect(try at(root, "l").sequenceItems?.compactMap(\.scalarText) == ["1", "2"])
        #expect(try at(root, "l").scalarText == nil)
        #expect(try at(root, "m").mappingPairs?.count == 1)
        #expect(root[key: "missing"] == nil)
        #expect(s[key: "x"] == nil)
    }

    @Test func keyLookupReturnsThePairWithBothMarks() throws {
        let pair = try #require(try parseOne("a: 1\nkey: value\n")[key: "key"])
        #expect(position(pair.key) == [2, 1])
        #expect(position(pair.value) == [2, 6])
    }

    @Test(arguments: [
        ("~", true), ("", true), ("null", true), ("'null'", false), ("!!null ~", true), ("0", false),
        ("!!str ~", false),
    ])
    func isNullFollowsTheCoreSchema(source: String, expected: Bool) throws {
        #expect(try at(try parseOne("v: \(source)\n"), "v").isNull == expected)
    }
}
