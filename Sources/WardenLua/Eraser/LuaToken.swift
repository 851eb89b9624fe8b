/// One token of Lua source (comments and whitespace are not tokens), with its byte range and
/// 1-based line and column.
struct LuaToken: Equatable {
    enum Kind: Equatable {
        case name, keyword, number, string, symbol, end
    }

    let kind: Kind
    /// The token's text (for strings and numbers, the source text including quotes).
    let text: String
    /// Byte offset of the first byte.
    let start: Int
    /// Byte offset after the last byte.
    let end: Int
    let line: Int
    let column: Int

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }
    func isKeyword(_ keyword: String) -> Bool { kind == .keyword && text == keyword }
    /// A name, or the word `word` used as a name (`type`, `as` are not Lua keywords).
    func isName(_ word: String) -> Bool { kind == .name && text == word }

    /// Whether an expression can end with this token (so `::` or `as` after it is a cast).
    var endsExpression: Bool {
        switch kind {
        case .name, .number, .string: true
        case .keyword: text == "nil" || text == "true" || text == "false" || text == "end"
        case .symbol: text == ")" || text == "]" || text == "}" || text == "..."
        case .end: false
        }
    }

    static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]
}
