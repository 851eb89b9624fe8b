import WardenValue

/// Parses tokens into a syntax tree by precedence climbing, as expr-lang does.
///
/// Nesting (parentheses, brackets, prefix operators) and tree height are both bounded by
/// `maxDepth`, so hostile input fails with `expr-too-deep` instead of exhausting the stack.
struct Parser {
    private let tokens: [Token]
    let maxDepth: Int
    let maxElements: Int
    private var index = 0
    var nesting = 0
    var closureDepth = 0

    init(tokens: [Token], limits: ExpressionLimits) {
        self.tokens = tokens
        self.maxDepth = limits.maxDepth
        self.maxElements = limits.maxCollectionSize
    }

    /// Parses a whole expression; anything after it is an error.
    mutating func parseAll() throws(SyntaxFailure) -> Expr {
        let expr = try parseExpression(0)
        guard current.kind == .end else { throw unexpectedAfterOperand() }
        return expr
    }

    var current: Token { tokens[index] }

    func peek(_ ahead: Int) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func expect(_ symbol: String, closing open: Token? = nil) throws(SyntaxFailure) -> Token {
        guard current.isSymbol(symbol) else { throw Parser.expected(symbol, closing: open, found: current) }
        return advance()
    }

    @inline(never)
    static func expected(_ symbol: String, closing open: Token?, found: Token) -> SyntaxFailure {
        var message = "expected `\(symbol)`"
        if let open { message += " to close \(open.display)" }
        return SyntaxFailure(message: message + ", found \(found.display)", offset: found.start)
    }

    mutating func enter(at offset: Int) throws(SyntaxFailure) {
        nesting += 1
        if nesting > maxDepth {
            throw Parser.tooDeep(maxDepth, offset)
        }
    }

    /// The failure for nesting beyond `maxDepth` (out of line: keeps the recursive frames small).
    @inline(never)
    static func tooDeep(_ maxDepth: Int, _ offset: Int) -> SyntaxFailure {
        SyntaxFailure(
            code: .tooDeep, message: "expression nests deeper than \(maxDepth) levels; split it into simpler parts",
            offset: offset)
    }

    /// Builds a node, enforcing the height limit.
    func node(_ kind: ExprKind, _ span: Range<Int>, at: Int, children: [Expr]) throws(SyntaxFailure) -> Expr {
        let depth = 1 + children.reduce(0) { max($0, $1.depth) }
        guard depth <= maxDepth else {
            throw Parser.tooDeep(maxDepth, at)
        }
        return Expr(kind: kind, span: span, at: at, depth: depth)
    }

    // MARK: binary and ternary

    /// Parses operators binding at least as tightly as `minPrecedence` (and `?:` at 0).
    ///
    /// This is the recursion every nesting level passes through, so the work is done in
    /// out-of-line helpers to keep its stack frame small.
    mutating func parseExpression(_ minPrecedence: Int) throws(SyntaxFailure) -> Expr {
        try enter(at: current.start)
        defer { nesting -= 1 }
        var left = try parseUnary()
        while try parseBinary(&left, minPrecedence) {}
        if minPrecedence == 0, current.isSymbol("?") { left = try parseTernary(left) }
        return left
    }

    /// Extends `left` with one binary operator and its right operand; false when none follows.
    @inline(never)
    private mutating func parseBinary(_ left: inout Expr, _ minPrecedence: Int) throws(SyntaxFailure) -> Bool {
        let token = current
        if token.isWord("not"), let op = BinaryOperator.from(peek(1)), op.isNegatable {
            guard op.precedence >= minPrecedence else { return false }
            advance()
            let opToken = advance()
            let right = try parseExpression(op.precedence + 1)
            let inner = try node(
                .binary(op, left, right), left.span.lowerBound..<right.span.upperBound, at: opToken.start,
                children: [left, right])
            left = try node(.unary(.not, inner), inner.span, at: token.start, children: [inner])
            return true
        }
        guard let op = BinaryOperator.from(token), op.precedence >= minPrecedence else { return false }
        advance()
        let right = try parseExpression(op.precedence + 1)
        left = try node(
            .binary(op, left, right), left.span.lowerBound..<right.span.upperBound, at: token.start,
            children: [left, right])
        return true
    }

    @inline(never)
    private mutating func parseTernary(_ condition: Expr) throws(SyntaxFailure) -> Expr {
        let question = advance()
        let then = try parseExpression(0)
        _ = try expect(":")
        let otherwise = try parseExpression(0)
        return try node(
            .ternary(condition, then, otherwise), condition.span.lowerBound..<otherwise.span.upperBound,
            at: question.start, children: [condition, then, otherwise])
    }

    // MARK: prefix

    private mutating func parseUnary() throws(SyntaxFailure) -> Expr {
        let token = current
        let op: UnaryOperator? =
            if token.isSymbol("!") || token.isWord("not") { .not } else if token.isSymbol("-") {
                .negate
            } else if token.isSymbol("+") { .plus } else { nil }
        guard let op else { return try parsePostfix(try parsePrimary()) }
        return try parsePrefix(op, token)
    }

    @inline(never)
    private mutating func parsePrefix(_ op: UnaryOperator, _ token: Token) throws(SyntaxFailure) -> Expr {
        advance()
        let operand = try parseExpression(op.precedence)
        return try node(
            .unary(op, operand), token.start..<operand.span.upperBound, at: token.start, children: [operand])
    }

    // MARK: postfix chains

    @inline(never)
    private mutating func parsePostfix(_ base: Expr) throws(SyntaxFailure) -> Expr {
        var links: [ChainLink] = []
        var height = base.depth
        while true {
            let token = current
            var link: ChainLink
            if token.isSymbol(".") || token.isSymbol("?.") {
                let optional = token.isSymbol("?.")
                advance()
                if optional, current.isSymbol("[") {
                    link = try parseIndex(optional: true, at: token.start)
                } else {
                    guard let name = current.word else {
                        throw SyntaxFailure(
                            message: "expected a member name after \(token.display), found \(current.display)",
                            offset: current.start)
                    }
                    let nameToken = advance()
                    link = ChainLink(key: .member(name), optional: optional, at: token.start, end: nameToken.end)
                }
            } else if token.isSymbol("[") {
                link = try parseIndex(optional: false, at: token.start)
            } else if token.isSymbol("("), !links.isEmpty {
                throw SyntaxFailure(
                    message: "only builtin functions can be called; methods are not supported", offset: token.start)
            } else {
                break
            }
            if case .index(let e) = link.key { height = max(height, e.depth) }
            links.append(link)
            height += 1
            if height > maxDepth {
                throw Parser.tooDeep(maxDepth, token.start)
            }
        }
        guard let last = links.last else { return base }
        return Expr(kind: .chain(base, links), span: base.span.lowerBound..<last.end, at: links[0].at, depth: height)
    }

    @inline(never)
    private mutating func parseIndex(optional: Bool, at: Int) throws(SyntaxFailure) -> ChainLink {
        let open = try expect("[")
        let key = try parseExpression(0)
        let close = try expect("]", closing: open)
        return ChainLink(key: .index(key), optional: optional, at: at, end: close.end)
    }

    private func unexpectedAfterOperand() -> SyntaxFailure {
        let token = current
        if let word = token.word {
            if let fix = Suggestions.closest(to: word, in: Keywords.binaryWords), fix != word {
                return SyntaxFailure(
                    message: "unexpected \(token.display); did you mean the operator `\(fix)`?", offset: token.start)
            }
            return SyntaxFailure(
                message:
                    "unexpected \(token.display) after a complete operand; join the parts with an operator such as `&&` or `==`",
                offset: token.start)
        }
        if token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}") {
            return SyntaxFailure(message: "unexpected \(token.display); it closes nothing", offset: token.start)
        }
        return SyntaxFailure(message: "unexpected \(token.display) after a complete operand", offset: token.start)
    }
}
