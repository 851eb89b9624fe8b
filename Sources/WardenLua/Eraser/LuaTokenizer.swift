/// Splits Lua source into tokens, skipping whitespace and comments, so the type eraser never
/// looks inside strings, long strings or comments.
struct LuaTokenizer {
    private let bytes: [UInt8]
    private let file: String
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// All tokens followed by one `.end` token.
    static func tokenize(_ bytes: [UInt8], file: String) throws(LuaLoadError) -> [LuaToken] {
        var tokenizer = LuaTokenizer(bytes: bytes, file: file)
        var tokens: [LuaToken] = []
        while true {
            let token = try tokenizer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let threeCharacterSymbols: Set<String> = ["..."]
    private static let twoCharacterSymbols: Set<String> = ["..", "==", "~=", "<=", ">=", "//", "::", "<<", ">>", "->"]

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private func error(_ message: String, line: Int, column: Int) -> LuaLoadError {
        LuaLoadError(file: file, line: line, column: column, message: message)
    }

    private mutating func advance() {
        if bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }

    private mutating func next() throws(LuaLoadError) -> LuaToken {
        try skipSpaceAndComments()
        let start = offset
        let startLine = line
        let column = offset - lineStart + 1
        func make(_ kind: LuaToken.Kind) -> LuaToken {
            let text = String(decoding: bytes[start..<offset], as: UTF8.self)
            return LuaToken(kind: kind, text: text, start: start, end: offset, line: startLine, column: column)
        }
        guard let byte = peek() else { return make(.end) }
        if isNameStart(byte) {
            while let b = peek(), isNameStart(b) || isDigit(b) { advance() }
            let token = make(.name)
            return LuaToken.keywords.contains(token.text) ? make(.keyword) : token
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            scanNumber()
            return make(.number)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            try scanQuoted(byte, line: startLine, column: column)
            return make(.string)
        }
        if byte == UInt8(ascii: "["), let level = longBracketLevel() {
            try scanLongBracket(level: level, line: startLine, column: column, what: "long string")
            return make(.string)
        }
        for length in [3, 2] where offset + length <= bytes.count {
            let text = String(decoding: bytes[offset..<offset + length], as: UTF8.self)
            let symbols = length == 3 ? LuaTokenizer.threeCharacterSymbols : LuaTokenizer.twoCharacterSymbols
            if symbols.contains(text) {
                for _ in 0..<length { advance() }
                return make(.symbol)
            }
        }
        advance()
        return make(.symbol)
    }

    private func isNameStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_")
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private mutating func skipSpaceAndComments() throws(LuaLoadError) {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
            {
                advance()
            } else if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
                let startLine = line
                let column = offset - lineStart + 1
                advance()
                advance()
                if peek() == UInt8(ascii: "["), let level = longBracketLevel() {
                    try scanLongBracket(level: level, line: startLine, column: column, what: "long comment")
                } else {
                    while let b = peek(), b != UInt8(ascii: "\n") { advance() }
                }
            } else if offset == 0, byte == UInt8(ascii: "#") {
                while let b = peek(), b != UInt8(ascii: "\n") { advance() }  // shebang line
            } else {
                return
            }
        }
    }

    private mutating func scanNumber() {
        let isHex = peek() == UInt8(ascii: "0") && (peek(1) == UInt8(ascii: "x") || peek(1) == UInt8(ascii: "X"))
        var previous: UInt8 = 0
        while let b = peek() {
            let exponentSign =
                (b == UInt8(ascii: "+") || b == UInt8(ascii: "-"))
                && (isHex
                    ? (previous == UInt8(ascii: "p") || previous == UInt8(ascii: "P"))
                    : (previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E")))
            guard isNameStart(b) || isDigit(b) || b == UInt8(ascii: ".") || exponentSign else { return }
            previous = b
            advance()
        }
    }

    private mutating func scanQuoted(_ quote: UInt8, line: Int, column: Int) throws(LuaLoadError) {
        advance()
        while let b = peek() {
            if b == quote {
                advance()
                return
            }
            if b == UInt8(ascii: "\n") { break }
            if b == UInt8(ascii: "\\") {
                advance()
                if peek() != nil { advance() }
                continue
            }
            advance()
        }
        throw error(
            "unfinished string; hint: close it with \(Character(UnicodeScalar(quote)))", line: line, column: column)
    }

    /// At `[`: the level of a long bracket `[==[` (number of `=`), or `nil` when it is not one.
    private func longBracketLevel() -> Int? {
        var level = 0
        while peek(1 + level) == UInt8(ascii: "=") { level += 1 }
        return peek(1 + level) == UInt8(ascii: "[") ? level : nil
    }

    private mutating func scanLongBracket(level: Int, line: Int, column: Int, what: String) throws(LuaLoadError) {
        for _ in 0..<(level + 2) { advance() }
        while let b = peek() {
            if b == UInt8(ascii: "]") {
                var equals = 0
                while peek(1 + equals) == UInt8(ascii: "=") { equals += 1 }
                if equals == level, peek(1 + equals) == UInt8(ascii: "]") {
                    for _ in 0..<(level + 2) { advance() }
                    return
                }
            }
            advance()
        }
        throw error(
            "unfinished \(what); hint: close it with ]\(String(repeating: "=", count: level))]", line: line,
            column: column)
    }
}
