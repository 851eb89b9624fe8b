import WardenValue

extension Codegen {
    mutating func chain(_ base: Expr, _ links: [ChainLink]) -> Eval {
        var compiled: [CompiledLink] = []
        for link in links {
            let key: CompiledLink.Key
            switch link.key {
            case .member(let name): key = .member(name)
            case .index(let e): key = .index(compile(e))
            }
            compiled.append(
                CompiledLink(key: key, optional: link.optional, offset: link.at, position: position(link.at)))
        }
        let quote = SourceQuote(source: sourceText, start: base.span.lowerBound)
        if case .name("actor") = base.kind {
            let first = compiled.removeFirst()
            let rest = compiled
            return { env, s throws(ExpressionError) in
                guard let actor = env.actor else {
                    if first.optional { return .null }
                    throw Codegen.nilMember(first, quote)
                }
                let name: String
                switch first.key {
                case .member(let n): name = n
                case .index(let eval):
                    let key = try eval(env, &s)
                    guard case .string(let n) = key else {
                        throw Fail.type(
                            "the actor's members are named by strings (`id`, `meta`), got \(Fail.describe(key))",
                            first.position)
                    }
                    name = n
                }
                let value: Value
                switch name {
                case "id": value = .string(actor.id)
                case "meta": value = .map(actor.meta)
                default: throw Codegen.unknownActorMember(name, first.position)
                }
                return try Codegen.follow(value, rest, env, &s, quote)
            }
        }
        let baseEval: Eval
        switch base.kind {
        case .name, .current: baseEval = compileNode(base)
        default: baseEval = compile(base)
        }
        let all = compiled
        return { env, s throws(ExpressionError) in
            try Codegen.follow(try baseEval(env, &s), all, env, &s, quote)
        }
    }

    /// Applies `links` to `value`; a `?.` link on `nil` ends the chain with `nil`.
    static func follow(
        _ value: Value, _ links: [CompiledLink], _ env: ExpressionEnvironment, _ s: inout EvalScratch,
        _ quote: SourceQuote
    ) throws(ExpressionError) -> Value {
        var v = value
        for link in links {
            if case .null = v {
                if link.optional { return .null }
                throw nilMember(link, quote)
            }
            switch link.key {
            case .member(let name):
                guard case .map(let m) = v else {
                    throw Fail.type(
                        "cannot read member `\(name)` of \(Fail.describe(v)) (`\(quote.text(upTo: link.offset))`); only maps have members",
                        link.position)
                }
                v = m[name] ?? .null
            case .index(let eval):
                v = try index(v, try eval(env, &s), link, quote)
            }
        }
        return v
    }

    private static func index(_ v: Value, _ key: Value, _ link: CompiledLink, _ quote: SourceQuote)
        throws(ExpressionError) -> Value
    {
        switch (v, key) {
        case (.map(let m), .string(let k)):
            return m[k] ?? .null
        case (.list(let l), .int(let i)):
            let j = i < 0 ? l.count + i : i
            guard j >= 0, j < l.count else {
                throw ExpressionError(
                    kind: .indexOutOfRange,
                    message:
                        "index \(i) is out of range for a list of \(l.count) (`\(quote.text(upTo: link.offset))`); check `len(...)` first",
                    position: link.position)
            }
            return l[j]
        case (.map, _):
            throw Fail.type(
                "map keys are strings, got \(Fail.describe(key)); there is no implicit conversion", link.position)
        case (.list, _):
            throw Fail.type("list indexes are integers, got \(Fail.describe(key))", link.position)
        default:
            throw Fail.type(
                "cannot index \(Fail.describe(v)) (`\(quote.text(upTo: link.offset))`); only lists and maps can be indexed",
                link.position)
        }
    }

    static func nilMember(_ link: CompiledLink, _ quote: SourceQuote) -> ExpressionError {
        let object = quote.text(upTo: link.offset)
        let what: String
        switch link.key {
        case .member(let name): what = "member `\(name)`"
        case .index: what = "an index"
        }
        return ExpressionError(
            kind: .nilMember,
            message:
                "cannot read \(what) of nil: `\(object)` is nil; use `?.` to get nil instead, or `??` for a default",
            position: link.position)
    }

    static func unknownActorMember(_ name: String, _ at: SourcePosition) -> ExpressionError {
        var message = "the actor has no member `\(name)`; it has only `id` and `meta`"
        if let near = Suggestions.closest(to: name, in: ["id", "meta"]) {
            message += " (did you mean `\(near)`?)"
        } else {
            message += " (attributes are under `actor.meta.\(name)`)"
        }
        return ExpressionError(kind: .unknownMember, message: message, position: at)
    }
}
