import Testing

@testable import WardenValue

/// JSON read from raw bytes names an invalid byte as it is (a `String` would have replaced it
/// with U+FFFD, whose first byte is `\xef`).
@Suite("JSON from bytes")
struct JSONBytesTests {
    static func why(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Value(jsonBytes: bytes)
            return nil
        } catch {
            return "\(error.message) at column \(error.column)"
        }
    }

    static func bytes(_ text: String, _ extra: [UInt8] = [], _ tail: String = "") -> [UInt8] {
        Array(text.utf8) + extra + Array(tail.utf8)
    }

    static let invalid: [([UInt8], String)] = [
        ([0xFF], "unexpected character `\\xff` at column 1"),
        (bytes(#"{"a": 1}"#, [0xFF]), "unexpected `\\xff` after the JSON value at column 9"),
        (bytes(#"["ab"#, [0xFF], #""]"#), "invalid UTF-8 byte `\\xff` in a string at column 5"),
        (bytes(#"["a\n"#, [0xC3, 0x28], #""]"#), "invalid UTF-8 byte `\\xc3` in a string at column 6"),
        (bytes(#"["é"#, [0x80], #""]"#), "invalid UTF-8 byte `\\x80` in a string at column 5"),
        ([0x01], "unexpected character `\\x01` at column 1"),
    ]

    @Test(arguments: invalid)
    func invalidBytesAreNamed(bytes: [UInt8], expected: String) {
        #expect(Self.why(bytes) == expected)
    }

    @Test func validBytesParseAsText() throws {
        #expect(try Value(jsonBytes: Array(#"{"é": [1, 2.5]}"#.utf8)) == ["é": [1, 2.5]])
    }

    @Test func aLongDuplicateKeyIsQuotedShort() {
        let key = String(repeating: "k", count: 500)
        let message = Self.why(Array("{\"\(key)\": 1, \"\(key)\": 2}".utf8)) ?? ""
        #expect(message.hasPrefix("duplicate key `" + String(repeating: "k", count: 80) + "…` (500 characters)"))
    }
}

@Suite("quoting user text in messages")
struct UserTextTests {
    @Test func shortTextIsQuotedWhole() {
        #expect(UserText.quoted("metta") == "`metta`")
        #expect(UserText.quoted(String(repeating: "x", count: 80)) == "`" + String(repeating: "x", count: 80) + "`")
    }

    @Test func longTextIsCutAtEightyCharactersAndItsLengthGiven() {
        let text = String(repeating: "[", count: 130_000)
        #expect(UserText.quoted(text) == "`" + String(repeating: "[", count: 80) + "…` (130000 characters)")
        #expect(UserText.excerpt(text).count == 81)
    }
}
