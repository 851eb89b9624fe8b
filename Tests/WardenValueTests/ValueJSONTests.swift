import Testing
import WardenValue

@Suite("Value JSON")
struct ValueJSONTests {
    @Test func canonicalJSONSortsKeysAndDropsWhiteSpace() {
        let v: Value = ["b": [1, 2.5, "x"], "a": ["z": nil, "y": true]]
        #expect(v.canonicalJSON == #"{"a":{"y":true,"z":null},"b":[1,2.5,"x"]}"#)
    }

    @Test func canonicalJSONEscapesControlCharacters() {
        #expect(Value.string("a\"b\\c\n\u{01}é").canonicalJSON == "\"a\\\"b\\\\c\\n\\u0001é\"")
    }

    /// Text with nothing to escape is written unchanged, scalar for scalar, whatever its
    /// grapheme clusters (a prepended mark, a combining accent, a flag, DEL, a PID).
    @Test(arguments: ["{app:workers|0x0000002a}", "\u{0600}x", "e\u{301}", "🇫🇷 ok", "del\u{7F}", ""])
    func textWithoutEscapesIsWrittenVerbatim(text: String) {
        let json = Value.string(text).canonicalJSON
        #expect(Array(json.unicodeScalars) == Array("\"\(text)\"".unicodeScalars))
        #expect(Value.string(text).canonicalJSONByteCount == text.utf8.count + 2)
    }

    @Test func keysSortByUTF8Bytes() {
        let v: Value = ["é": 1, "z": 2, "Z": 3]
        #expect(v.canonicalJSON == #"{"Z":3,"z":2,"é":1}"#)
    }

    @Test(arguments: [
        (0, "0"), (7, "7"), (-7, "-7"), (1_000_000, "1000000"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integersAreWrittenInDecimal(value: Int, text: String) {
        #expect(Value.int(value).canonicalJSON == text)
    }

    /// Maps of every size, small (insertion-sorted) and large, with keys that are prefixes of
    /// each other, non-ASCII and empty: members come out in UTF-8 byte order of their keys.
    @Test(arguments: [1, 2, 5, 8, 9, 16, 40])
    func membersOfAnySizeOfMapSortByKeyBytes(size: Int) {
        let alphabet = ["a", "b", "Z", "é", "ü", "_", "0", "\u{1F600}", "ab", ""]
        var generator = SystemRandomNumberGenerator()
        var map: [String: Value] = [:]
        while map.count < size {
            let key = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }.joined()
            map[key] = .int(map.count)
        }
        let expectedKeys = map.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let expected =
            "{"
            + expectedKeys.map { Value.string($0).canonicalJSON + ":" + map[$0]!.canonicalJSON }.joined(separator: ",")
            + "}"
        #expect(Value.map(map).canonicalJSON == expected)
    }

    @Test func utf8OrderDiffersFromStringOrderWhereUnicodeSaysSo() {
        // "e\u{301}" and "é" are equal as Swift strings but differ in bytes; byte order decides.
        #expect(Value.utf8Less("e\u{301}", "é"))
        #expect(!Value.utf8Less("é", "e\u{301}"))
        #expect(Value.utf8Less("a", "ab"))
        #expect(!Value.utf8Less("ab", "ab"))
        #expect(Value.utf8Less("", "a"))
        #expect(Value.utf8Less("Z", "a"))
    }

    @Test func parsesJSONPreservingIntegers() throws {
        let v = try Value(json: #"{"n": 3, "f": 1.5, "b": false, "s": "x", "l": [null]}"#)
        #expect(v == ["n": 3, "f": 1.5, "b": false, "s": "x", "l": [nil]])
    }

    @Test func rejectsInvalidJSONWithAMessage() {
        #expect(throws: ValueJSONError.self) { try Value(json: "{nope") }
    }

    @Test func wholeNumbersBecomeIntegersAsTheDecodableConformanceReadsThem() throws {
        let v = try Value(
            json: #"{"a": 1.0, "b": 1e2, "c": -0, "d": 1.5, "e": [2.0, {"f": -3.0}], "g": 9223372036854775808}"#)
        #expect(
            v == ["a": 1, "b": 100, "c": 0, "d": 1.5, "e": [2, ["f": -3]], "g": .double(9_223_372_036_854_775_808)])
        #expect(try Value(json: "-9223372036854775808") == .int(.min))
        #expect(try Value(json: "0.1") == .double(0.1))
    }

    @Test(arguments: [
        (#"{"a": 1, "a": 2}"#, "duplicate key `a` at line 1, column 10"),
        ("[1,]", "unexpected character `]` at line 1, column 4"),
        ("{\n  \"a\": nope\n}", "invalid literal, expected `null` at line 2, column 8"),
        ("1e400", "a number is too large for a 64-bit float at line 1, column 1"),
        ("[1, -1e999]", "a number is too large for a 64-bit float at line 1, column 5"),
        (#""\ud800""#, "lone surrogate in a \\u escape at line 1, column 8"),
        ("", "unexpected end of input at line 1, column 1"),
    ])
    func invalidTextIsRejectedWithWhereAndWhat(text: String, why: String) {
        #expect(throws: ValueJSONError.invalid(why)) { try Value(json: text) }
    }

    @Test func lookupFollowsMapsOnly() {
        let v: Value = ["a": ["b": ["c": 1]], "l": [["x": 1]]]
        #expect(v.lookup(["a", "b", "c"]) == 1)
        #expect(v.lookup(["l", "0"]) == nil)
        #expect(v.lookup(["a", "missing"]) == nil)
    }
}

@Suite("Value canonical JSON byte count")
struct ValueByteCountTests {
    @Test(arguments: [
        Value.null, true, false, 0, -42, 1.5, 1e20, "", "héllo \"q\" \n\u{01}", [], [1, "a", nil],
        ["k": ["x": [true, 2.25]], "é": "ü"], ["a": [:], "b": []],
    ])
    func countMatchesTheCanonicalText(value: Value) {
        #expect(value.canonicalJSONByteCount == value.canonicalJSON.utf8.count)
    }
}
