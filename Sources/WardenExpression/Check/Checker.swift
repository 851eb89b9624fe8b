import WardenValue

/// Checks a parsed tree and lowers it for code generation.
///
/// Resolves calls to builtins (unknown names, arity), compiles constant regexes, infers the
/// set of types each node may produce, reports operations that can never succeed and parts
/// that must be boolean but never are, and folds constant sub-expressions.
struct Checker {
    let sourceText: SourceText
    let map: SourceMap
    let limits: ExpressionLimits
    let typeChecks: Bool
    private(set) var diagnostics: [ExpressionDiagnostic] = []

    init(text: SourceText, map: SourceMap, limits: ExpressionLimits, typeChecks: Bool) {
        self.sourceText = text
        self.map = map
        self.limits = limits
        self.typeChecks = typeChecks
    }

    /// Checks the whole expression, which must be able to produce a boolean.
    mutating func checkRoot(_ e: Expr) -> (Expr, ValueKinds) {
        let (tree, kinds) = check(e)
        requireBool(kinds, tree, "the expression")
        return (tree, kinds)
    }

    mutating func report(_ code: ExpressionDiagnostic.Code, _ message: String, at offset: Int) {
        diagnostics.append(ExpressionDiagnostic(code: code, message: message, position: map.position(offset)))
    }

    func text(_ e: Expr) -> String { sourceText.slice(e.span, limit: 60) }

    /// Reports `expr-not-boolean` when `kinds` cannot contain a boolean.
    mutating func requireBool(_ kinds: ValueKinds, _ e: Expr, _ role: String) {
        guard typeChecks, !kinds.contains(.bool), !kinds.isEmpty else { return }
        report(
            .notBoolean,
            "\(role) can never be a boolean: `\(text(e))` is always \(kinds); compare it, e.g. `\(text(e)) == ...`",
            at: e.span.lowerBound)
    }

    /// Reports `expr-type` when an operation's inferred result is empty; returns kinds to continue with.
    mutating func requireSome(_ result: ValueKinds, _ e: Expr, _ message: String) -> ValueKinds {
        guard result.isEmpty else { return result }
        if typeChecks { report(.type, message, at: e.at) }
        return .all
    }

    mutating func check(_ e: Expr) -> (Expr, ValueKinds) {
        var out = e
        switch e.kind {
        case .literal(let v):
            return (e, ValueKinds(of: v))
        case .name(let name):
            return (e, Checker.kinds(ofName: name))
        case .current:
            return (e, .all)
        case .list(let elements):
            let checked = elements.map { check($0).0 }
            out.kind = .list(checked)
            return (fold(out, all: checked), .list)
        case .map(let entries):
            let checked = entries.map { MapEntry(key: $0.key, value: check($0.value).0) }
            out.kind = .map(checked)
            return (fold(out, all: checked.map(\.value)), .map)
        case .unary(let op, let operand):
            let (o, k) = check(operand)
            out.kind = .unary(op, o)
            let result: ValueKinds
            if op == .not {
                requireBool(k, o, "the operand of `!`")
                result = .bool
            } else {
                result = requireSome(
                    TypeRules.unary(op, k), e, "prefix `\(op.rawValue)` needs a number, but `\(text(o))` is always \(k)"
                )
            }
            return foldKinds(out, all: [o], result)
        case .binary(let op, let lhs, let rhs):
            return checkBinary(e, op, lhs, rhs)
        case .ternary(let c, let t, let o):
            let (cc, ck) = check(c)
            let (tt, tk) = check(t)
            let (oo, ok) = check(o)
            requireBool(ck, cc, "the condition of `?:`")
            if case .bool(let b)? = cc.literal { return b ? (tt, tk) : (oo, ok) }
            out.kind = .ternary(cc, tt, oo)
            return (out, tk.union(ok))
        case .chain(let base, let links):
            return checkChain(e, base, links)
        case .call(let name, let args):
            return checkCall(e, name, args)
        case .closure, .builtin, .regexMatch:
            return (e, .all)  // produced only by checking itself
        }
    }

    /// Kinds of the environment's names; undefined names are always nil.
    static func kinds(ofName name: String) -> ValueKinds {
        switch name {
        case "action", "resource": .string
        case "meta": .map
        case "actor": [.map, .null]
        default: .null
        }
    }

    // MARK: folding

    /// Replaces `e` by its value when all `children` are literals and evaluation succeeds.
    func fold(_ e: Expr, all children: [Expr]) -> Expr {
        guard children.allSatisfy({ $0.literal != nil }) else { return e }
        var codegen = Codegen(text: sourceText, map: map, limits: limits)
        let eval = codegen.compile(e)
        var scratch = EvalScratch()
        let empty = ExpressionEnvironment(actor: nil, action: "", resource: "", meta: [:])
        guard let value = try? eval(empty, &scratch) else { return e }
        var folded = e
        folded.kind = .literal(value)
        return folded
    }

    func foldKinds(_ e: Expr, all children: [Expr], _ kinds: ValueKinds) -> (Expr, ValueKinds) {
        let folded = fold(e, all: children)
        if let v = folded.literal { return (folded, ValueKinds(of: v)) }
        return (folded, kinds)
    }
}
