import Testing
import WardenValue

/// `Value.writeJSONString` appends unescaped runs whole for speed (audit records are encoded with
/// it); its output must stay exactly that of escaping scalar by scalar.
@Suite struct JSONStringEscapingTests {
    /// The plain scalar-by-scalar escaping the fast version must reproduce.
    private func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private func fast(_ s: String) -> String {
        var out: [UInt8] = []
        Value.writeJSONString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test(arguments: [
        "", "plain", "\"", "\\", "a\"b\\c", "\n\r\t\u{08}\u{0C}", "\u{00}\u{01}\u{1F}\u{7F}", "ünïcödé", "𝄞 clef",
        "\"\u{301}", "e\u{301}\"\u{301}x", "👩‍👩‍👧", "end\\", "\"start", "{app:processes|0x1}", "\r\n",
    ])
    func escapesLikeScalarByScalar(text: String) {
        #expect(fast(text) == reference(text))
    }

    @Test func randomStringsEscapeLikeScalarByScalar() {
        var generator = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = [
            "a", "Z", " ", "\"", "\\", "\n", "\u{00}", "\u{1F}", "\u{7F}", "é", "\u{301}", "中", "😀", "\u{200D}", "\r",
        ]
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<24, using: &generator) {
                text.unicodeScalars.append(pool[Int.random(in: 0..<pool.count, using: &generator)])
            }
            #expect(fast(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }
}
