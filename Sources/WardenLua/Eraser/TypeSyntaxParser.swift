/// Finds the type syntax in a token stream (see ``TypeEraser``) and records the byte ranges to
/// erase. It parses only where types can appear and reads everything else as plain tokens.
struct TypeSyntaxParser {
    private var tokens: [LuaToken]
    private let file: String
    private var index = 0
    /// Byte ranges to blank out.
    private(set) var erased: [Range<Int>] = []

    init(tokens: [LuaToken], file: String) {
        self.tokens = tokens
        self.file = file
    }

    private var current: LuaToken { tokens[index] }
    private func ahead(_ n: Int) -> LuaToken { tokens[min(index + n, tokens.count - 1)] }
    private var previous: LuaToken? { index > 0 ? tokens[index - 1] : nil }
    private func isSymbol(_ s: String) -> Bool { current.isSymbol(s) }
    private var isName: Bool { current.kind == .name }

    private func failure(_ token: LuaToken, _ message: String) -> LuaLoadError {
        LuaLoadError(file: file, line: token.line, column: token.column, message: message)
    }

    private func unreadable(_ token: LuaToken) -> LuaLoadError {
        let found = token.kind == .end ? "the end of the file" : "`\(token.text)`"
        return failure(
            token,
            "cannot read the type expression at \(found); hint: write a type such as `string?`, `{number}` or `(number) -> string`"
        )
    }

    private mutating func expect(_ symbol: String) throws(LuaLoadError) {
        guard isSymbol(symbol) else {
            throw failure(current, "expected `\(symbol)` in a type, found `\(current.text)`")
        }
        index += 1
    }

    /// Expects `>`, splitting a `>>` or `>=` token (nested generics, `<T>=`).
    private mutating func expectClosingAngle() throws(LuaLoadError) {
        let token = current
        if token.isSymbol(">>") || token.isSymbol(">=") {
            let rest = String(token.text.dropFirst())
            tokens[index] = LuaToken(
                kind: .symbol, text: rest, start: token.start + 1, end: token.end, line: token.line,
                column: token.column + 1)
            return
        }
        try expect(">")
    }

    private mutating func eraseFrom(_ firstToken: Int) {
        guard firstToken < index else { return }
        erased.append(tokens[firstToken].start..<tokens[index - 1].end)
    }

    // MARK: Statements

    mutating func run() throws(LuaLoadError) {
        while current.kind != .end {
            let token = current
            if token.isKeyword("local") {
                index += 1
                if current.isKeyword("function") {
                    index += 1
                    if isName { index += 1 }
                    try functionSignature()
                } else {
                    try annotatedNames()
                }
            } else if token.isKeyword("function") {
                index += 1
                if isName {
                    index += 1
                    while (isSymbol(".") || isSymbol(":")) && ahead(1).kind == .name { index += 2 }
                }
                try functionSignature()
            } else if token.isKeyword("for") {
                index += 1
                try annotatedNames()
            } else if isTypeAliasStart() {
                let start = index
                if current.isName("export") { index += 1 }
                index += 2
                if isSymbol("<") { try genericParameters() }
                try expect("=")
                try type()
                eraseFrom(start)
            } else if token.isSymbol("::"), previous?.endsExpression == true, !isLabelDelimiter() {
                let start = index
                index += 1
                try type()
                eraseFrom(start)
            } else if token.isName("as"), previous?.endsExpression == true, ahead(1).kind == .name {
                let start = index
                index += 1
                try type()
                eraseFrom(start)
            } else if token.isSymbol("!") {
                index += 1
                eraseFrom(index - 1)
            } else {
                index += 1
            }
        }
    }

    /// Whether the `::` at the cursor opens (`::name::`) or closes a goto label.
    private func isLabelDelimiter() -> Bool {
        if ahead(1).kind == .name && ahead(2).isSymbol("::") { return true }
        return index >= 2 && tokens[index - 1].kind == .name && tokens[index - 2].isSymbol("::")
    }

    /// `type Name =` / `type Name<` / `export type Name`, not after `.` or `:` (a field).
    private func isTypeAliasStart() -> Bool {
        if let previous, previous.isSymbol(".") || previous.isSymbol(":") { return false }
        var offset = 0
        if current.isName("export") {
            guard ahead(1).isName("type") else { return false }
            offset = 1
        } else if !current.isName("type") {
            return false
        }
        return ahead(offset + 1).kind == .name && (ahead(offset + 2).isSymbol("=") || ahead(offset + 2).isSymbol("<"))
    }

    /// `a: T, b <const>: U` in `local` and `for` name lists.
    private mutating func annotatedNames() throws(LuaLoadError) {
        while isName {
            index += 1
            if isSymbol("<"), ahead(1).kind == .name, ahead(2).isSymbol(">") { index += 3 }
            if isSymbol(":") {
                let start = index
                index += 1
                try type()
                eraseFrom(start)
            }
            guard isSymbol(",") else { return }
            index += 1
        }
    }

    /// `<T>(a: T, ...: any): R` after `function` and its name.
    private mutating func functionSignature() throws(LuaLoadError) {
        if isSymbol("<") {
            let start = index
            try genericParameters()
            eraseFrom(start)
        }
        guard isSymbol("(") else { return }
        index += 1
        while isName || isSymbol("...") {
            index += 1
            if isSymbol("?") {
                index += 1
                eraseFrom(index - 1)
            }
            if isSymbol(":") {
                let start = index
                index += 1
                try type()
                eraseFrom(start)
            }
            guard isSymbol(",") else { break }
            index += 1
        }
        guard isSymbol(")") else { return }
        index += 1
        if isSymbol(":") {
            let start = index
            index += 1
            try type()
            eraseFrom(start)
        }
    }

    /// `<T, U: Constraint = Default, ...>`.
    private mutating func genericParameters() throws(LuaLoadError) {
        try expect("<")
        while isName || isSymbol("...") {
            index += 1
            if isSymbol("...") { index += 1 }
            if isSymbol(":") {
                index += 1
                try type()
            }
            if isSymbol("=") {
                index += 1
                try type()
            }
            guard isSymbol(",") else { break }
            index += 1
        }
        try expectClosingAngle()
    }

    // MARK: Types

    private var startsType: Bool {
        switch current.kind {
        case .name, .string, .number: return true
        case .keyword: return ["nil", "true", "false", "function"].contains(current.text)
        case .symbol: return ["{", "(", "...", "-"].contains(current.text)
        case .end: return false
        }
    }

    /// A union or intersection of members, with an optional leading `|`.
    private mutating func type() throws(LuaLoadError) {
        if isSymbol("|") { index += 1 }
        try member()
        while isSymbol("|") || isSymbol("&") {
            index += 1
            try member()
        }
    }

    /// A primary type with postfix `?`, `[]` and `@validator(...)`.
    private mutating func member() throws(LuaLoadError) {
        try primary()
        while true {
            if isSymbol("?") {
                index += 1
            } else if isSymbol("["), ahead(1).isSymbol("]") {
                index += 2
            } else if isSymbol("@"), ahead(1).kind == .name {
                index += 2
                if isSymbol("(") { try skipBalanced() }
            } else {
                return
            }
        }
    }

    private mutating func primary() throws(LuaLoadError) {
        let token = current
        switch token.kind {
        case .name:
            index += 1
            while isSymbol("."), ahead(1).kind == .name { index += 2 }
            if isSymbol("<") { try typeArguments() }
        case .keyword where ["nil", "true", "false", "function"].contains(token.text):
            index += 1
        case .string, .number:
            index += 1
        case .symbol where token.text == "-" && ahead(1).kind == .number:
            index += 2
        case .symbol where token.text == "{":
            index += 1
            try tableBody()
            try expect("}")
        case .symbol where token.text == "(":
            index += 1
            try parameterTypes()
            try expect(")")
            if isSymbol("->") {
                index += 1
                try type()
            }
        case .symbol where token.text == "...":
            index += 1
            if startsType { try type() }
        default:
            throw unreadable(token)
        }
    }

    private mutating func typeArguments() throws(LuaLoadError) {
        try expect("<")
        while !isSymbol(">") && !isSymbol(">>") && !isSymbol(">=") {
            try type()
            guard isSymbol(",") else { break }
            index += 1
        }
        try expectClosingAngle()
    }

    /// `[K]: V`, `name?: T` and bare element types, separated by `,` or `;`.
    private mutating func tableBody() throws(LuaLoadError) {
        while !isSymbol("}") {
            if isSymbol("[") {
                index += 1
                try type()
                try expect("]")
                try expect(":")
                try type()
            } else if current.kind == .name || current.kind == .keyword,
                ahead(1).isSymbol(":") || (ahead(1).isSymbol("?") && ahead(2).isSymbol(":"))
            {
                index += ahead(1).isSymbol("?") ? 3 : 2
                try type()
            } else {
                try type()
            }
            guard isSymbol(",") || isSymbol(";") else { return }
            index += 1
        }
    }

    /// The inside of `( ... )`: types, `name: T`, `name?: T`, `...T`, `...: T`.
    private mutating func parameterTypes() throws(LuaLoadError) {
        while !isSymbol(")") {
            if isSymbol("...") {
                index += 1
                if isSymbol(":") { index += 1 }
                if startsType { try type() }
            } else if isName, ahead(1).isSymbol(":") {
                index += 2
                try type()
            } else if isName, ahead(1).isSymbol("?"), ahead(2).isSymbol(":") {
                index += 3
                try type()
            } else {
                try type()
            }
            guard isSymbol(",") else { return }
            index += 1
        }
    }

    /// Skips `( ... )` with nested parentheses (validator arguments).
    private mutating func skipBalanced() throws(LuaLoadError) {
        let open = current
        var depth = 0
        repeat {
            if current.kind == .end { throw failure(open, "unclosed `(` in a type validator") }
            if isSymbol("(") { depth += 1 }
            if isSymbol(")") { depth -= 1 }
            index += 1
        } while depth > 0
    }
}
