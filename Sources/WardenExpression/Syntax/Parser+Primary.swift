import WardenValue

extension Parser {
    /// Literals, names, `#`, `.field` in closures, parentheses, list and map literals, calls.
    mutating func parsePrimary() throws(SyntaxFailure) -> Expr {
        let token = current
        switch token.kind {
        case .int(let i):
            advance()
            return try leaf(.literal(.int(i)), token)
        case .float(let d):
            advance()
            return try leaf(.literal(.double(d)), token)
        case .string(let s):
            advance()
            return try leaf(.literal(.string(s)), token)
        case .word(let word):
            return try parseWord(word, token)
        case .symbol("("):
            return try parseParenthesized(token)
        case .symbol("["):
            return try parseList(token)
        case .symbol("{"):
            return try parseMap(token)
        case .symbol("#"), .symbol("."):
            return try parseElement(token)
        case .end, .symbol:
            throw Parser.missingOperand(token)
        }
    }

    @inline(never)
    static func missingOperand(_ token: Token) -> SyntaxFailure {
        if token.kind == .end {
            return SyntaxFailure(message: "unexpected end of expression; expected an operand", offset: token.start)
        }
        return SyntaxFailure(message: "unexpected \(token.display); expected an operand", offset: token.start)
    }

    @inline(never)
    static func reservedWord(_ word: String, _ token: Token, call: Bool) -> SyntaxFailure {
        if call {
            return SyntaxFailure(code: .unknownFunction, message: Checker.unknownFunction(word), offset: token.start)
        }
        return SyntaxFailure(
            message: "unexpected operator `\(word)`; expected an operand before it", offset: token.start)
    }

    @inline(never)
    static func badMapKey(_ token: Token, duplicate: String?) -> SyntaxFailure {
        if let key = duplicate {
            return SyntaxFailure(message: "duplicate map key `\(key)`; each key may appear once", offset: token.start)
        }
        return SyntaxFailure(
            message: "expected a map key (a name or a string), found \(token.display)", offset: token.start)
    }

    @inline(never)
    static func tooLarge(_ what: String, _ limit: Int, _ offset: Int) -> SyntaxFailure {
        SyntaxFailure(
            code: .tooLarge, message: "\(what) literal has more than \(limit) elements; the limit is \(limit)",
            offset: offset)
    }

    /// `#`, or `.name` as short for `#.name`; both only inside a closure.
    @inline(never)
    private mutating func parseElement(_ token: Token) throws(SyntaxFailure) -> Expr {
        if token.isSymbol("#") {
            advance()
            guard closureDepth > 0 else {
                throw SyntaxFailure(
                    message: "`#` is only allowed inside a closure, e.g. `all(list, {# != \"x\"})`", offset: token.start
                )
            }
            return try leaf(.current, token)
        }
        guard closureDepth > 0, let name = peek(1).word else {
            throw SyntaxFailure(message: "unexpected `.`; expected an operand", offset: token.start)
        }
        advance()
        let nameToken = advance()
        let base = Expr(kind: .current, span: token.start..<token.start, at: token.start, depth: 1)
        let link = ChainLink(key: .member(name), optional: false, at: token.start, end: nameToken.end)
        return Expr(kind: .chain(base, [link]), span: token.start..<nameToken.end, at: token.start, depth: 2)
    }

    @inline(never)
    private mutating func parseParenthesized(_ open: Token) throws(SyntaxFailure) -> Expr {
        advance()
        var inner = try parseExpression(0)
        let close = try expect(")", closing: open)
        inner.span = open.start..<close.end
        return inner
    }

    @inline(never)
    private func leaf(_ kind: ExprKind, _ token: Token) throws(SyntaxFailure) -> Expr {
        try node(kind, token.start..<token.end, at: token.start, children: [])
    }

    @inline(never)
    private mutating func parseWord(_ word: String, _ token: Token) throws(SyntaxFailure) -> Expr {
        switch word {
        case "true":
            advance()
            return try leaf(.literal(.bool(true)), token)
        case "false":
            advance()
            return try leaf(.literal(.bool(false)), token)
        case "nil":
            advance()
            return try leaf(.literal(.null), token)
        default:
            break
        }
        if Keywords.reserved.contains(word) { throw Parser.reservedWord(word, token, call: peek(1).isSymbol("(")) }
        advance()
        if current.isSymbol("(") { return try parseCall(word, token) }
        return try leaf(.name(word), token)
    }

    @inline(never)
    private mutating func parseCall(_ name: String, _ nameToken: Token) throws(SyntaxFailure) -> Expr {
        let open = advance()
        let builtin = Builtin(rawValue: name)
        var args: [Expr] = []
        while !current.isSymbol(")") {
            if builtin?.takesClosure == true, args.count == 1 {
                args.append(try parseClosure())
            } else {
                args.append(try parseExpression(0))
            }
            guard current.isSymbol(",") else { break }
            advance()
        }
        let close = try expect(")", closing: open)
        return try node(.call(name, args), nameToken.start..<close.end, at: nameToken.start, children: args)
    }

    /// A closure body, in braces (`{# > 1}`) or bare (`# > 1`).
    @inline(never)
    private mutating func parseClosure() throws(SyntaxFailure) -> Expr {
        closureDepth += 1
        defer { closureDepth -= 1 }
        guard current.isSymbol("{") else {
            let body = try parseExpression(0)
            return try node(.closure(body), body.span, at: body.at, children: [body])
        }
        let open = advance()
        let body = try parseExpression(0)
        let close = try expect("}", closing: open)
        return try node(.closure(body), open.start..<close.end, at: open.start, children: [body])
    }

    @inline(never)
    private mutating func parseList(_ open: Token) throws(SyntaxFailure) -> Expr {
        advance()
        var elements: [Expr] = []
        while !current.isSymbol("]") {
            elements.append(try parseExpression(0))
            if elements.count > maxElements {
                throw Parser.tooLarge("list", maxElements, open.start)
            }
            guard current.isSymbol(",") else { break }
            advance()
        }
        let close = try expect("]", closing: open)
        return try node(.list(elements), open.start..<close.end, at: open.start, children: elements)
    }

    @inline(never)
    private mutating func parseMap(_ open: Token) throws(SyntaxFailure) -> Expr {
        advance()
        var entries: [MapEntry] = []
        var seen: Set<String> = []
        while !current.isSymbol("}") {
            let keyToken = current
            let key: String
            switch keyToken.kind {
            case .word(let w): key = w
            case .string(let s): key = s
            default:
                throw Parser.badMapKey(keyToken, duplicate: nil)
            }
            advance()
            guard seen.insert(key).inserted else {
                throw Parser.badMapKey(keyToken, duplicate: key)
            }
            _ = try expect(":")
            entries.append(MapEntry(key: key, value: try parseExpression(0)))
            if entries.count > maxElements {
                throw Parser.tooLarge("map", maxElements, open.start)
            }
            guard current.isSymbol(",") else { break }
            advance()
        }
        let close = try expect("}", closing: open)
        return try node(.map(entries), open.start..<close.end, at: open.start, children: entries.map(\.value))
    }
}
