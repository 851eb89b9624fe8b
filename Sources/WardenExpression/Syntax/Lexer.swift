/// Splits expression source (UTF-8 bytes) into tokens; comments and white space are skipped.
struct Lexer {
    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every token of the source, ending with `.end`.
    static func tokenize(_ bytes: [UInt8]) throws(SyntaxFailure) -> [Token] {
        var lexer = Lexer(bytes)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        i + ahead < bytes.count ? bytes[i + ahead] : nil
    }

    private static let twoByteSymbols: Set<String> = ["==", "!=", "<=", ">=", "&&", "||", "??", "?."]
    private static let oneByteSymbols: Set<UInt8> = Set("<>!?:+-*/%()[]{},.#".utf8)

    mutating func next() throws(SyntaxFailure) -> Token {
        try skipTrivia()
        guard let c = peek() else { return Token(kind: .end, start: i, end: i) }
        let start = i
        if Lexer.isWordStart(c) {
            while let d = peek(), Lexer.isWordStart(d) || Lexer.isDigit(d) { i += 1 }
            return Token(kind: .word(String(decoding: bytes[start..<i], as: UTF8.self)), start: start, end: i)
        }
        if Lexer.isDigit(c) { return try number() }
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { return try quoted(c) }
        if c == UInt8(ascii: "`") { return try raw() }
        if let d = peek(1) {
            let pair = String(decoding: [c, d], as: UTF8.self)
            // `a ?.5 : b` is a ternary, not optional chaining.
            if Lexer.twoByteSymbols.contains(pair), !(pair == "?." && peek(2).map(Lexer.isDigit) == true) {
                i += 2
                return Token(kind: .symbol(pair), start: start, end: i)
            }
        }
        if Lexer.oneByteSymbols.contains(c) {
            i += 1
            return Token(kind: .symbol(String(UnicodeScalar(c))), start: start, end: i)
        }
        throw unexpected(c, at: start)
    }

    private func unexpected(_ c: UInt8, at offset: Int) -> SyntaxFailure {
        switch c {
        case UInt8(ascii: "="):
            return SyntaxFailure(message: "unexpected `=`; use `==` to compare", offset: offset)
        case UInt8(ascii: "&"):
            return SyntaxFailure(message: "unexpected `&`; use `&&` (or `and`) for logical and", offset: offset)
        case UInt8(ascii: "|"):
            return SyntaxFailure(message: "unexpected `|`; use `||` (or `or`) for logical or", offset: offset)
        case UInt8(ascii: ";"):
            return SyntaxFailure(
                message: "unexpected `;`; an expression is a single boolean expression", offset: offset)
        default:
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            return SyntaxFailure(message: "unexpected character `\(text)`", offset: offset)
        }
    }

    static func isWordStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private mutating func skipTrivia() throws(SyntaxFailure) {
        while let c = peek() {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                i += 1
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != UInt8(ascii: "\n") { i += 1 }
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = i
                i += 2
                while true {
                    guard let d = peek() else {
                        throw SyntaxFailure(message: "unterminated comment; close it with `*/`", offset: start)
                    }
                    if d == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        i += 2
                        break
                    }
                    i += 1
                }
            } else {
                return
            }
        }
    }

    private mutating func number() throws(SyntaxFailure) -> Token {
        let start = i
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            i += 2
            var digits = ""
            while let d = peek(), Lexer.hexValue(d) != nil || d == UInt8(ascii: "_") {
                if d != UInt8(ascii: "_") { digits.unicodeScalars.append(UnicodeScalar(d)) }
                i += 1
            }
            try rejectTrailingLetters(start)
            guard let value = Int(digits, radix: 16) else {
                throw SyntaxFailure(
                    message:
                        "invalid hexadecimal literal; write digits 0-9 and a-f after `0x`, at most 9223372036854775807",
                    offset: start)
            }
            return Token(kind: .int(value), start: start, end: i)
        }
        var text = ""
        var isFloat = false
        digitRun(into: &text)
        if peek() == UInt8(ascii: "."), let d = peek(1), Lexer.isDigit(d) {
            isFloat = true
            text += "."
            i += 1
            digitRun(into: &text)
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var j = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { j = 2 }
            if let d = peek(j), Lexer.isDigit(d) {
                isFloat = true
                text += "e"
                if j == 2, let s = peek(1) { text.unicodeScalars.append(UnicodeScalar(s)) }
                i += j
                digitRun(into: &text)
            }
        }
        try rejectTrailingLetters(start)
        if isFloat {
            guard let value = Double(text), value.isFinite else {
                throw SyntaxFailure(message: "float literal `\(text)` is out of range", offset: start)
            }
            return Token(kind: .float(value), start: start, end: i)
        }
        guard let value = Int(text) else {
            throw SyntaxFailure(
                message: "integer literal `\(text)` is out of range; the largest integer is 9223372036854775807",
                offset: start)
        }
        return Token(kind: .int(value), start: start, end: i)
    }

    private mutating func digitRun(into text: inout String) {
        while let d = peek(), Lexer.isDigit(d) || (d == UInt8(ascii: "_") && peek(1).map(Lexer.isDigit) == true) {
            if d != UInt8(ascii: "_") { text.unicodeScalars.append(UnicodeScalar(d)) }
            i += 1
        }
    }

    private func rejectTrailingLetters(_ start: Int) throws(SyntaxFailure) {
        if let c = peek(), Lexer.isWordStart(c) || Lexer.isDigit(c) {
            throw SyntaxFailure(
                message: "invalid number literal; put a space or an operator after the number", offset: start)
        }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func raw() throws(SyntaxFailure) -> Token {
        let start = i
        i += 1
        let bodyStart = i
        while let c = peek(), c != UInt8(ascii: "`") { i += 1 }
        guard peek() != nil else {
            throw SyntaxFailure(message: "unterminated raw string; close it with a backtick", offset: start)
        }
        let text = String(decoding: bytes[bodyStart..<i], as: UTF8.self)
        i += 1
        return Token(kind: .string(text), start: start, end: i)
    }

    private mutating func quoted(_ quote: UInt8) throws(SyntaxFailure) -> Token {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != UInt8(ascii: "\n") else {
                throw SyntaxFailure(
                    message: "unterminated string; close it with `\(UnicodeScalar(quote))` on the same line",
                    offset: start)
            }
            if c == quote {
                i += 1
                break
            }
            if c == UInt8(ascii: "\\") {
                let escapeStart = i
                i += 1
                let scalar = try escape(escapeStart)
                out.append(contentsOf: String(Character(scalar)).utf8)
                continue
            }
            out.append(c)
            i += 1
        }
        return Token(kind: .string(String(decoding: out, as: UTF8.self)), start: start, end: i)
    }

    /// Decodes the escape after a backslash (`i` is just past the backslash).
    private mutating func escape(_ at: Int) throws(SyntaxFailure) -> UnicodeScalar {
        guard let c = peek() else {
            throw SyntaxFailure(message: "unterminated string", offset: at)
        }
        i += 1
        switch c {
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "a"): return "\u{07}"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "v"): return "\u{0B}"
        case UInt8(ascii: "0"): return "\u{00}"
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return UnicodeScalar(c)
        case UInt8(ascii: "x"): return try hexEscape(digits: 2, at: at, max: 0x7F)
        case UInt8(ascii: "u"): return try hexEscape(digits: 4, at: at, max: 0x10FFFF)
        case UInt8(ascii: "U"): return try hexEscape(digits: 8, at: at, max: 0x10FFFF)
        default:
            throw SyntaxFailure(
                message:
                    "unknown escape `\\\(UnicodeScalar(c))`; write `\\\\` for a backslash, or use a backtick raw string such as `^a\\.b`",
                offset: at)
        }
    }

    private mutating func hexEscape(digits: Int, at: Int, max: UInt32) throws(SyntaxFailure) -> UnicodeScalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let c = peek(), let h = Lexer.hexValue(c) else {
                throw SyntaxFailure(
                    message: "invalid escape; `\\x` needs 2, `\\u` 4 and `\\U` 8 hexadecimal digits", offset: at)
            }
            value = value &* 16 &+ h
            i += 1
        }
        guard value <= max, let scalar = UnicodeScalar(value) else {
            throw SyntaxFailure(
                message: "escape does not name a valid character (`\\x` goes up to 7f; surrogates are not characters)",
                offset: at)
        }
        return scalar
    }
}
