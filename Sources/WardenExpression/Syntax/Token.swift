/// One lexical token with its UTF-8 byte range in the source.
struct Token: Sendable {
    /// What the token is.
    enum Kind: Sendable, Equatable {
        /// An identifier or keyword (`actor`, `and`, `startsWith`, `true`).
        case word(String)
        /// An integer literal.
        case int(Int)
        /// A float literal.
        case float(Double)
        /// A string literal, escapes already decoded.
        case string(String)
        /// Punctuation or a symbolic operator (`==`, `?.`, `(`, `#`).
        case symbol(String)
        /// The end of the source.
        case end
    }

    var kind: Kind
    /// Offset of the first byte.
    var start: Int
    /// Offset after the last byte.
    var end: Int

    /// Whether the token is the symbol `text`.
    func isSymbol(_ text: String) -> Bool { kind == .symbol(text) }

    /// Whether the token is the word `text`.
    func isWord(_ text: String) -> Bool { kind == .word(text) }

    /// The word, if the token is one.
    var word: String? {
        if case .word(let w) = kind { return w }
        return nil
    }

    /// How the token reads in a message, in backticks.
    var display: String {
        switch kind {
        case .word(let w): "`\(w)`"
        case .int(let i): "`\(i)`"
        case .float(let d): "`\(d)`"
        case .string: "string literal"
        case .symbol(let s): "`\(s)`"
        case .end: "end of expression"
        }
    }
}
