import WardenExpression
import WardenTestSupport
import WardenValue

/// Generates random expressions and environments from a seed.
public struct RandomExpressions {
    /// The kind of value an expression should produce.
    public enum Want: CaseIterable, Sendable { case bool, int, number, string, list, map, any }

    var rng: SeededGenerator
    var closureDepth = 0

    /// A generator whose choices follow `seed`.
    public init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }

    static let strings: [String] = [
        "", "a", "b", "ab", "ba", "abc", "read", "write", "doc:1", " a ", "é", "A", "a,b,c", "x.y",
    ]
    static let keys = ["a", "b", "n", "s", "tags", "m", "f", "missing"]

    // MARK: values and environments

    mutating func scalar() -> Value {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .int(Int.random(in: -3...5, using: &rng))
        case 3: return .double(Double(Int.random(in: -8...8, using: &rng)) / 4)
        default: return .string(pick(Self.strings))
        }
    }

    mutating func value(depth: Int = 0) -> Value {
        guard depth < 2, chance(30) else { return scalar() }
        if chance(60) {
            return .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth: depth + 1) })
        }
        var m: [String: Value] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &rng) { m[pick(Self.keys)] = value(depth: depth + 1) }
        return .map(m)
    }

    /// A random request environment: action, resource, meta and, mostly, an actor.
    public mutating func environment() -> ExpressionEnvironment {
        var meta: [String: Value] = [:]
        for key in Self.keys.dropLast() where chance(70) { meta[key] = value() }
        if chance(50) {
            meta["tags"] = .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in .string(pick(Self.strings)) })
        }
        var actor: Actor?
        if chance(80) {
            var actorMeta: [String: Value] = [:]
            if chance(70) { actorMeta["role"] = .string(pick(["admin", "editor", "a", ""])) }
            if chance(50) { actorMeta["level"] = .int(Int.random(in: 0...3, using: &rng)) }
            if chance(30) { actorMeta["tags"] = value() }
            actor = Actor(id: pick(["u", "admin", "é", ""]), meta: actorMeta)
        }
        return ExpressionEnvironment(
            actor: actor, action: pick(["read", "write", "a"]), resource: pick(Self.strings), meta: meta)
    }

    // MARK: expressions

    /// A random expression tree producing `want`, nested at most `depth` levels.
    public mutating func expression(_ want: Want, depth: Int) -> ReferenceExpr {
        if depth <= 0 || chance(20) { return leaf(want) }
        let d = depth - 1
        switch want {
        case .bool: return boolean(d)
        case .int, .number: return number(want, d)
        case .string: return text(d)
        case .list: return list(d)
        case .map:
            return .map([
                (pick(Self.keys), expression(.any, depth: d)), (pick(["k", "a"]) + "2", expression(.any, depth: d)),
            ])
        case .any:
            let w = pick([Want.bool, .int, .number, .string, .list, .map])
            if chance(15) {
                return .ternary(
                    expression(.bool, depth: d), expression(w, depth: d), expression(pick(Want.allCases), depth: d))
            }
            if chance(15) { return .binary("??", access(d), expression(w, depth: d)) }
            return expression(w, depth: depth)
        }
    }

    mutating func leaf(_ want: Want) -> ReferenceExpr {
        if chance(35) { return access(0) }
        switch want {
        case .bool: return .literal(.bool(chance(50)))
        case .int: return .literal(.int(Int.random(in: -3...9, using: &rng)))
        case .number:
            return chance(50)
                ? .literal(.int(Int.random(in: 0...9, using: &rng)))
                : .literal(.double(Double(Int.random(in: -4...12, using: &rng)) / 4))
        case .string: return .literal(.string(pick(Self.strings)))
        case .list: return .literal(.list([.string(pick(Self.strings)), .int(Int.random(in: 0...3, using: &rng))]))
        case .map: return .literal(.map(["a": .int(1)]))
        case .any: return .literal(scalar())
        }
    }

    /// Names, member chains, optional chaining and indexing into the environment.
    mutating func access(_ depth: Int) -> ReferenceExpr {
        if closureDepth > 0, chance(35) {
            return chance(50) ? .current : .member(.current, pick(Self.keys), optional: chance(30))
        }
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return .name(pick(["action", "resource"]))
        case 1: return .name(pick(["foo", "actor", "meta"]))
        case 2: return .member(.name("actor"), pick(["id", "meta", "ID"]), optional: chance(40))
        case 3:
            return .member(
                .member(.name("actor"), "meta", optional: chance(40)), pick(["role", "level", "tags", "x"]),
                optional: chance(30))
        case 4: return .index(.name("actor"), .literal(.string(pick(["id", "meta", "name"]))), optional: false)
        case 5:
            return .member(
                .member(.name("meta"), pick(Self.keys), optional: false), pick(Self.keys), optional: chance(50))
        case 6:
            return .index(
                .member(.name("meta"), pick(["tags", "a", "m"]), optional: false),
                .literal(.int(Int.random(in: -2...3, using: &rng))), optional: chance(30))
        case 7:
            return .index(
                .name("meta"), depth > 0 ? text(depth - 1) : .literal(.string(pick(Self.keys))), optional: false)
        default: return .member(.name("meta"), pick(Self.keys), optional: chance(20))
        }
    }

    mutating func boolean(_ d: Int) -> ReferenceExpr {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0:
            return .binary(pick(["&&", "||", "and", "or"]), expression(.bool, depth: d), expression(.bool, depth: d))
        case 1: return .not(expression(.bool, depth: d))
        case 2: return .binary(pick(["==", "!="]), expression(.any, depth: d), expression(.any, depth: d))
        case 3:
            let w = pick([Want.number, .string, .any])
            return .binary(pick(["<", ">", "<=", ">="]), expression(w, depth: d), expression(w, depth: d))
        case 4:
            return .binary(
                pick(["in", "not in"]), expression(.any, depth: d),
                expression(pick([Want.list, .map, .list]), depth: d))
        case 5:
            return .binary(
                pick(["matches", "not matches"]), expression(.string, depth: d),
                .literal(.string(pick(["^a", "b$", "a.*b", "^[a-c]+$", "x", "é", "^doc:.*", "^"]))))
        case 6:
            return .binary(
                pick(["contains", "startsWith", "endsWith", "not contains"]), expression(.string, depth: d),
                expression(.string, depth: d))
        case 7, 8: return closureCall(pick(["all", "any", "none", "one"]), d)
        case 9: return .ternary(expression(.bool, depth: d), expression(.bool, depth: d), expression(.bool, depth: d))
        case 10: return .binary("??", access(d), expression(.bool, depth: d))
        default: return .binary("==", expression(.any, depth: d), .literal(.null))
        }
    }

    mutating func number(_ want: Want, _ d: Int) -> ReferenceExpr {
        switch Int.random(in: 0..<7, using: &rng) {
        case 0, 1: return .binary(pick(["+", "-", "*"]), expression(want, depth: d), expression(want, depth: d))
        case 2: return .binary(pick(["/", "%"]), expression(want, depth: d), expression(want, depth: d))
        case 3: return .negate(expression(want, depth: d))
        case 4: return .call("len", [expression(pick([Want.string, .list, .map]), depth: d)])
        case 5: return closureCall("count", d)
        default: return .binary("??", access(d), expression(want, depth: d))
        }
    }

    mutating func text(_ d: Int) -> ReferenceExpr {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .binary("+", expression(.string, depth: d), expression(.string, depth: d))
        case 1: return .call(pick(["upper", "lower", "trim"]), [expression(.string, depth: d)])
        case 2: return .call("trim", [expression(.string, depth: d), .literal(.string(pick([" ", "a", "ab"])))])
        case 3:
            return .index(
                .call("split", [expression(.string, depth: d), .literal(.string(pick([",", "", "a"])))]),
                .literal(.int(Int.random(in: -1...1, using: &rng))), optional: false)
        default: return access(d)
        }
    }

    mutating func list(_ d: Int) -> ReferenceExpr {
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in expression(.any, depth: d) })
        case 1: return closureCall(pick(["filter", "map"]), d)
        case 2: return .call("split", [expression(.string, depth: d), .literal(.string(pick([",", "", "a"])))])
        case 3: return .member(.name("meta"), "tags", optional: false)
        default: return access(d)
        }
    }

    mutating func closureCall(_ name: String, _ d: Int) -> ReferenceExpr {
        let source =
            chance(50)
            ? list(d)
            : .binary("??", .member(.name("meta"), pick(["tags", "a", "m"]), optional: false), .literal(.list([])))
        closureDepth += 1
        defer { closureDepth -= 1 }
        let body = expression(name == "map" ? .any : .bool, depth: d)
        return .call(name, [source, body])
    }
}
