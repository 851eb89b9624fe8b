import WardenValue

extension Codegen {
    mutating func call(_ builtin: Builtin, _ args: [Expr], _ at: SourcePosition) -> Eval {
        if builtin.takesClosure, args.count == 2, case .closure(let bodyNode) = args[1].kind {
            return closureCall(builtin, compile(args[0]), bodyNode, at)
        }
        let evals = args.map { compile($0) }
        let name = builtin.rawValue
        switch builtin {
        case .len:
            let arg = evals[0]
            return { env, s throws(ExpressionError) in
                switch try arg(env, &s) {
                case .string(let x): return .int(x.unicodeScalars.count)
                case .list(let l): return .int(l.count)
                case .map(let m): return .int(m.count)
                case let v: throw Fail.type("`len` needs a string, list or map, got \(Fail.describe(v))", at)
                }
            }
        case .upper, .lower:
            let arg = evals[0]
            let up = builtin == .upper
            return { env, s throws(ExpressionError) in
                let v = try arg(env, &s)
                guard case .string(let x) = v else {
                    throw Fail.type("`\(name)` needs a string, got \(Fail.describe(v))", at)
                }
                return .string(up ? x.uppercased() : x.lowercased())
            }
        case .trim:
            return { env, s throws(ExpressionError) in
                let v = try evals[0](env, &s)
                guard case .string(let x) = v else {
                    throw Fail.type("`trim` needs a string, got \(Fail.describe(v))", at)
                }
                guard evals.count == 2 else { return .string(ByteString.trim(x, nil)) }
                let c = try evals[1](env, &s)
                guard case .string(let set) = c else {
                    throw Fail.type(
                        "the second argument of `trim` is a string of characters to remove, got \(Fail.describe(c))", at
                    )
                }
                return .string(ByteString.trim(x, set))
            }
        case .split:
            let limit = limits.maxCollectionSize
            return { env, s throws(ExpressionError) in
                let a = try evals[0](env, &s)
                let (x, separator) = try Semantics.strings("split", a, try evals[1](env, &s), at)
                guard let parts = ByteString.split(x, separator, limit: limit) else {
                    throw ExpressionError(
                        kind: .sizeLimit, message: "`split` would produce more than \(limit) parts", position: at)
                }
                s.steps += parts.count
                return .list(parts.map(Value.string))
            }
        default:
            // Checking guarantees a closure argument for the other builtins; never reached.
            return { _, _ throws(ExpressionError) in
                throw ExpressionError(kind: .type, message: "internal error: `\(name)` without a closure", position: at)
            }
        }
    }

    private mutating func closureCall(
        _ builtin: Builtin, _ list: @escaping Eval, _ bodyNode: Expr, _ at: SourcePosition
    ) -> Eval {
        closureLevel += 1
        let body = compile(bodyNode)
        closureLevel -= 1
        let cost = bodyNode.size + 1
        let maxSteps = limits.maxSteps
        let maxSize = limits.maxCollectionSize
        let name = builtin.rawValue
        let elementsOf: @Sendable (ExpressionEnvironment, inout EvalScratch) throws(ExpressionError) -> [Value] = {
            env, s throws(ExpressionError) in
            let v = try list(env, &s)
            guard case .list(let elements) = v else {
                throw Fail.type(
                    "`\(name)` needs a list, got \(Fail.describe(v)); use `?? []` to default a missing list", at)
            }
            return elements
        }
        let run: @Sendable (Value, ExpressionEnvironment, inout EvalScratch) throws(ExpressionError) -> Value = {
            element, env, s throws(ExpressionError) in
            s.steps += cost
            guard s.steps <= maxSteps else { throw Codegen.stepLimit(maxSteps, at) }
            s.current = element
            return try body(env, &s)
        }
        let test: @Sendable (Value, ExpressionEnvironment, inout EvalScratch) throws(ExpressionError) -> Bool = {
            element, env, s throws(ExpressionError) in
            let r = try run(element, env, &s)
            guard case .bool(let b) = r else {
                throw Fail.type("the predicate of `\(name)` must return a boolean, got \(Fail.describe(r))", at)
            }
            return b
        }
        switch builtin {
        case .all, .any, .none:
            // all: stop at the first false; any/none: stop at the first true.
            let stopOn = builtin != .all
            return { env, s throws(ExpressionError) in
                let elements = try elementsOf(env, &s)
                let saved = s.current
                defer { s.current = saved }
                for element in elements where try test(element, env, &s) == stopOn {
                    return .bool(builtin == .any)
                }
                return .bool(builtin != .any)
            }
        case .one:
            return { env, s throws(ExpressionError) in
                let elements = try elementsOf(env, &s)
                let saved = s.current
                defer { s.current = saved }
                var found = 0
                for element in elements where try test(element, env, &s) {
                    found += 1
                    if found > 1 { return .bool(false) }
                }
                return .bool(found == 1)
            }
        case .count:
            return { env, s throws(ExpressionError) in
                let elements = try elementsOf(env, &s)
                let saved = s.current
                defer { s.current = saved }
                var found = 0
                for element in elements where try test(element, env, &s) { found += 1 }
                return .int(found)
            }
        case .filter, .map:
            let keep = builtin == .filter
            return { env, s throws(ExpressionError) in
                let elements = try elementsOf(env, &s)
                let saved = s.current
                defer { s.current = saved }
                var out: [Value] = []
                for element in elements {
                    if keep {
                        if try test(element, env, &s) { out.append(element) }
                    } else {
                        out.append(try run(element, env, &s))
                    }
                    guard out.count <= maxSize else {
                        throw ExpressionError(
                            kind: .sizeLimit, message: "`\(name)` would produce more than \(maxSize) elements",
                            position: at)
                    }
                }
                return .list(out)
            }
        default:
            return { _, _ throws(ExpressionError) in
                throw ExpressionError(kind: .type, message: "internal error: `\(name)` takes no closure", position: at)
            }
        }
    }
}
