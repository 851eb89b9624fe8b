import WardenValue

extension Checker {
    mutating func checkCall(_ e: Expr, _ name: String, _ args: [Expr]) -> (Expr, ValueKinds) {
        guard let builtin = Builtin(rawValue: name) else {
            report(.unknownFunction, Checker.unknownFunction(name), at: e.at)
            for arg in args { _ = check(arg) }
            return (e, .all)
        }
        guard builtin.arity.contains(args.count) else {
            let count =
                builtin.arity.lowerBound == builtin.arity.upperBound
                ? "\(builtin.arity.lowerBound)" : "\(builtin.arity.lowerBound) or \(builtin.arity.upperBound)"
            let noun = builtin.arity.upperBound == 1 ? "argument" : "arguments"
            report(
                .arity, "`\(name)` takes \(count) \(noun), got \(args.count); write `\(builtin.signature)`", at: e.at)
            for arg in args { _ = check(arg) }
            return (e, .all)
        }
        var checked: [Expr] = []
        var kinds: [ValueKinds] = []
        for arg in args {
            if case .closure(let body) = arg.kind {
                let (b, bk) = check(body)
                if builtin.takesPredicate { requireBool(bk, b, "the predicate of `\(name)`") }
                var closure = arg
                closure.kind = .closure(b)
                checked.append(closure)
                kinds.append(bk)
            } else {
                let (a, ak) = check(arg)
                checked.append(a)
                kinds.append(ak)
            }
        }
        var out = e
        out.kind = .builtin(builtin, checked)
        let result = requireSome(Checker.result(builtin, kinds), e, Checker.mismatch(builtin, kinds))
        if builtin.takesClosure { return (out, result) }
        return foldKinds(out, all: checked, result)
    }

    private static func result(_ builtin: Builtin, _ args: [ValueKinds]) -> ValueKinds {
        switch builtin {
        case .len:
            return args[0].isDisjoint(with: [.string, .list, .map]) ? [] : .int
        case .all, .any, .none, .one:
            return args[0].contains(.list) ? .bool : []
        case .filter, .map:
            return args[0].contains(.list) ? .list : []
        case .count:
            return args[0].contains(.list) ? .int : []
        case .upper, .lower, .trim:
            return args.allSatisfy { $0.contains(.string) } ? .string : []
        case .split:
            return args.allSatisfy { $0.contains(.string) } ? .list : []
        }
    }

    private static func mismatch(_ builtin: Builtin, _ args: [ValueKinds]) -> String {
        let wants: String
        switch builtin {
        case .len: wants = "a string, list or map"
        case .all, .any, .none, .one, .filter, .map, .count: wants = "a list as its first argument"
        default: wants = "string arguments"
        }
        let got = args.map(\.description).joined(separator: ", ")
        return "`\(builtin.rawValue)` needs \(wants), but its arguments are always \(got); write `\(builtin.signature)`"
    }

    /// The message for a call to an unknown function, with the nearest fix.
    static func unknownFunction(_ name: String) -> String {
        let operators = ["contains", "startsWith", "endsWith", "matches"]
        let aliases = [
            "hasPrefix": "startsWith", "hasSuffix": "endsWith", "length": "len", "size": "len",
            "toUpper": "upper", "toLower": "lower", "uppercase": "upper", "lowercase": "lower", "strip": "trim",
            "trimSpace": "trim", "some": "any", "every": "all",
        ]
        let target = aliases[name] ?? Suggestions.closest(to: name, in: Builtin.allCases.map(\.rawValue) + operators)
        guard let target else {
            let names = Builtin.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown function `\(name)`; the functions are \(names)"
        }
        if operators.contains(target) {
            return "unknown function `\(name)`; did you mean the operator `\(target)`? write `a \(target) b`"
        }
        return "unknown function `\(name)`; did you mean `\(target)`?"
    }
}
