import WardenExpression
import WardenExpressionReference
import WardenPolicy
import WardenTestSupport
import WardenValue

/// Random policy sets and requests over a small alphabet, so patterns and values collide often.
enum RandomCases {
    static let words = ["a", "b", "ab", "ba", "x"]
    static let separators = [".", ":", "|"]

    /// A random action or resource text.
    static func subject(_ g: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...3, using: &g)
        var text = ""
        for i in 0..<count {
            if i > 0 || g.chance(0.1) { text += g.pick(separators) }
            text += g.pick(words)
        }
        return text
    }

    /// A random pattern: literal, `*` somewhere, a trailing `.*`, a prefix, `*` alone.
    static func pattern(_ g: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<8, using: &g) {
        case 0: return "*"
        case 1: return subject(&g) + ".*"
        case 2: return subject(&g) + "*"
        case 3: return "*" + subject(&g)
        case 4: return subject(&g) + "*" + subject(&g)
        case 5: return subject(&g) + "*" + subject(&g) + "*" + subject(&g)
        default:
            let s = subject(&g)
            return s.isEmpty ? "a" : s
        }
    }

    static let scalarValues: [Value] = [
        0, 1, 2, 10, -1, 1.0, 1.5, 1e3, "1", "1.0", "10", "9", "1e3", " 1", "a", "ab", "b", "admin",
        "true", "false", true, false, "", "nil", 1000,
    ]

    /// A random value of mixed types.
    static func value(_ g: inout SeededGenerator, depth: Int = 0) -> Value {
        switch Int.random(in: 0..<10, using: &g) {
        case 0 where depth < 2:
            return .list((0..<Int.random(in: 0...3, using: &g)).map { _ in value(&g, depth: depth + 1) })
        case 1 where depth < 2:
            return .map(["k": value(&g, depth: depth + 1)])
        case 2: return .null
        default: return g.pick(scalarValues)
        }
    }

    static let fields = [
        "actor.id", "actor.meta.role", "actor.meta.n", "actor.meta.tags", "actor.meta.k.k", "actor.meta",
        "action", "action.x", "resource", "meta.n", "meta.k", "meta.k.k", "meta.tags", "pid", "n",
    ]
    static let regexes = ["^a", "b$", "a.b", "^[0-9]+$", "1", "^$", "tru", "a|x"]

    /// A random valid condition.
    static func condition(_ g: inout SeededGenerator) -> ConditionDefinition {
        let field = g.pick(fields)
        let op = g.pick(ConditionOperator.allCases)
        let operand: ConditionOperand
        switch op {
        case .exists, .nexists: operand = .value(.bool(g.chance(0.5)))
        case .matches, .nmatches: operand = .value(.string(g.pick(regexes)))
        case .in, .nin:
            if g.chance(0.2) {
                operand = .valueFrom(g.pick(fields))
            } else if g.chance(0.3) {
                operand = .value(.string(g.pick(["a", "1", "read", "ab"])))
            } else {
                operand = .value(.list((0..<Int.random(in: 0...3, using: &g)).map { _ in value(&g) }))
            }
        case .lt, .gt, .lte, .gte:
            // A literal list or map is a load error (`ordering-not-scalar`); value_from may hold one.
            operand = g.chance(0.25) ? .valueFrom(g.pick(fields)) : .value(g.pick(scalarValues))
        default:
            operand = g.chance(0.25) ? .valueFrom(g.pick(fields)) : .value(value(&g))
        }
        return ConditionDefinition(field: field, op: op, operand: operand)
    }

    /// A random valid policy set (1 to 12 policies).
    static func definitions(_ g: inout SeededGenerator) -> [PolicyDefinition] {
        var trees: [String: ReferenceExpr] = [:]
        return definitions(&g, expressions: &trees)
    }

    /// A random valid policy set (1 to 12 policies), about a fifth of them expression policies;
    /// `expressions` receives the tree of each expression by its source text, for the reference.
    static func definitions(
        _ g: inout SeededGenerator, expressions: inout [String: ReferenceExpr]
    ) -> [PolicyDefinition] {
        (0..<Int.random(in: 1...12, using: &g)).map { i in
            let body: PolicyBody
            if g.chance(0.2) {
                let (source, tree) = expression(&g)
                expressions[source] = tree
                body = .expression(source)
            } else {
                body = .conditions(
                    g.chance(0.4) ? [] : (0..<Int.random(in: 1...3, using: &g)).map { _ in condition(&g) })
            }
            return PolicyDefinition(
                namespace: "t", name: "p\(i)", effect: g.chance(0.3) ? .deny : .allow,
                actions: (0..<Int.random(in: 1...3, using: &g)).map { _ in pattern(&g) },
                resources: (0..<Int.random(in: 1...2, using: &g)).map { _ in pattern(&g) },
                body: body,
                groups: g.chance(0.5) ? [g.pick(["t:g1", "t:g2"])] : [])
        }
    }

    /// A random boolean expression that loads (an expression that can never be boolean is a load
    /// error, so those are drawn again), as source text and as the reference interpreter's tree.
    /// It reads the request as policies do: `actor`, `action`, `resource`, `meta`; many of them
    /// fail at evaluation (a type mismatch, member access on nil), which a deny policy turns into
    /// a denial.
    static func expression(_ g: inout SeededGenerator) -> (source: String, tree: ReferenceExpr) {
        for _ in 0..<20 {
            let seed = g.next()
            var generator = RandomExpressions(seed: seed)
            let tree = generator.expression(.bool, depth: Int.random(in: 1...4, using: &g))
            var renderer = ReferenceRenderer(seed: seed)
            let source = renderer.render(tree)
            if case .success = ExpressionCompiler.compile(source) { return (source, tree) }
        }
        return ("true", .literal(.bool(true)))
    }

    /// A random request, sometimes without an actor.
    static func request(_ g: inout SeededGenerator) -> AuthorizationRequest {
        var actorMeta: [String: Value] = [:]
        for key in ["role", "n", "tags", "k"] where g.chance(0.6) { actorMeta[key] = value(&g) }
        var meta: [String: Value] = [:]
        for key in ["n", "k", "tags", "pid"] where g.chance(0.6) { meta[key] = value(&g) }
        let actor = g.chance(0.9) ? Actor(id: g.pick(["u", "admin", "", "1"]), meta: actorMeta) : nil
        return AuthorizationRequest(actor: actor, action: subject(&g), resource: subject(&g), meta: meta)
    }

    /// A random scope: all policies, or some ids and groups.
    static func scope(_ g: inout SeededGenerator, _ definitions: [PolicyDefinition]) -> ScopeSpec? {
        if g.chance(0.5) { return nil }
        let ids = definitions.map(\.id).filter { _ in g.chance(0.4) }
        let groups = Set(definitions.flatMap(\.groups)).sorted().filter { _ in g.chance(0.5) }
        return ScopeSpec(policies: ids, groups: groups)
    }
}
