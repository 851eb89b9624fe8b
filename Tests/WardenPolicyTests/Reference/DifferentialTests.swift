import Foundation
import Testing
import WardenExpressionReference
import WardenPolicy
import WardenTestSupport
import WardenValue

/// The optimized evaluator against the plain reference evaluator on random policy sets.
@Suite("differential: optimized evaluator vs reference evaluator")
struct DifferentialTests {
    /// One generated case.
    struct Case {
        var definitions: [PolicyDefinition]
        var scope: ScopeSpec?
        var request: AuthorizationRequest
        /// The trees of the expression policies, by source text.
        var expressions: [String: ReferenceExpr] = [:]
    }

    /// The seed of the first set; `WARDEN_DIFF_SEED` replays one failing case.
    static let baseSeed: UInt64 = 0x5EED_0001
    /// How many sets to generate: `WARDEN_DIFF_SETS` (CI runs more), else 3,000.
    static func setCount() throws -> Int {
        guard let text = ProcessInfo.processInfo.environment["WARDEN_DIFF_SETS"] else { return 3_000 }
        guard let count = Int(text), count > 0 else {
            throw SetCountError(text: text)
        }
        return count
    }

    /// `WARDEN_DIFF_SETS` is not a count.
    struct SetCountError: Error, CustomStringConvertible {
        var text: String
        var description: String { "WARDEN_DIFF_SETS must be a whole number above 0, found \"\(text)\"" }
    }

    static let requestsPerSet = 12

    @Test func bothEvaluatorsAgreeOnRandomPolicySets() throws {
        let seeds: [UInt64]
        if let text = ProcessInfo.processInfo.environment["WARDEN_DIFF_SEED"], let seed = UInt64(text) {
            seeds = [seed]
        } else {
            seeds = (0..<UInt64(try Self.setCount())).map { Self.baseSeed &+ $0 }
        }
        var checked = 0
        for seed in seeds {
            var g = SeededGenerator(seed: seed)
            var expressions: [String: ReferenceExpr] = [:]
            let definitions = RandomCases.definitions(&g, expressions: &expressions)
            let scope = RandomCases.scope(&g, definitions)
            let set = try PolicySet.compile(definitions).get()
            for _ in 0..<Self.requestsPerSet {
                let c = Case(
                    definitions: definitions, scope: scope, request: RandomCases.request(&g), expressions: expressions)
                if let mismatch = try Self.mismatch(c, set) {
                    let minimal = try Self.shrink(c)
                    let expected = Self.reference(minimal)
                    let report = """
                        evaluators disagree (seed \(seed), replay with WARDEN_DIFF_SEED=\(seed)): \(mismatch)
                        minimal case:
                        \(CaseRenderer.yaml(minimal.definitions, scope: minimal.scope, minimal.request, expect: expected.outcome))
                        """
                    print(report)
                    Issue.record(Comment(rawValue: report))
                    return
                }
                checked += 1
            }
        }
        #expect(checked == seeds.count * Self.requestsPerSet)
    }

    /// The generated expression policies reach every outcome, so agreement means something:
    /// applying, not applying, and failing at evaluation, for deny policies (which then deny)
    /// as for allow policies.
    @Test func expressionPoliciesReachEveryOutcome() {
        var counts: [String: Int] = [:]
        for seed in (0..<UInt64(1_000)).map({ Self.baseSeed &+ $0 }) {
            var g = SeededGenerator(seed: seed)
            var expressions: [String: ReferenceExpr] = [:]
            let definitions = RandomCases.definitions(&g, expressions: &expressions)
            _ = RandomCases.scope(&g, definitions)
            for _ in 0..<Self.requestsPerSet {
                let request = RandomCases.request(&g)
                for definition in definitions {
                    guard case .expression(let source) = definition.body else { continue }
                    let holds = ReferenceEvaluator.expressionHolds(expressions[source], request)
                    let outcome = holds.map { $0 ? "true" : "false" } ?? "error"
                    counts["\(definition.effect) \(outcome)", default: 0] += 1
                }
            }
        }
        for key in ["allow true", "allow false", "allow error", "deny true", "deny false", "deny error"] {
            #expect(counts[key, default: 0] >= 50, "\(key): \(counts[key, default: 0]) of \(counts)")
        }
    }

    static func reference(_ c: Case) -> ReferenceEvaluator.Result {
        var ids = Set(c.definitions.map(\.id))
        if let scope = c.scope {
            ids = Set(scope.policies)
            for d in c.definitions where !Set(d.groups).isDisjoint(with: scope.groups) { ids.insert(d.id) }
        }
        return ReferenceEvaluator.evaluate(c.definitions, scope: ids, c.request, expressions: c.expressions)
    }

    /// A description of the disagreement, or `nil` when both evaluators agree.
    static func mismatch(_ c: Case, _ compiled: PolicySet? = nil) throws -> String? {
        let set = try compiled ?? PolicySet.compile(c.definitions).get()
        let scope = try c.scope.map { try set.resolve($0).get() } ?? set.allPolicies
        let decision = set.evaluate(c.request, in: scope)
        let optimized = ReferenceEvaluator.Result(
            outcome: decision.outcome, policies: decision.policies, erroring: decision.errors.map(\.policy))
        let expected = reference(c)
        return optimized == expected ? nil : "optimized: \(optimized); reference: \(expected)"
    }

    /// Removes policies, conditions, patterns and meta keys while the disagreement stays.
    static func shrink(_ start: Case) throws -> Case {
        var current = start
        var changed = true
        while changed {
            changed = false
            for candidate in smaller(current) where try mismatch(candidate) != nil {
                current = candidate
                changed = true
                break
            }
        }
        return current
    }

    static func smaller(_ c: Case) -> [Case] {
        var out: [Case] = []
        for i in c.definitions.indices where c.definitions.count > 1 {
            var d = c
            let removed = d.definitions.remove(at: i)
            d.scope?.policies.removeAll { $0 == removed.id }
            // A scope may name only groups some policy still lists.
            d.scope?.groups.removeAll { group in !d.definitions.contains { $0.groups.contains(group) } }
            out.append(d)
        }
        for i in c.definitions.indices {
            for j in c.definitions[i].conditions.indices {
                var d = c
                var conditions = d.definitions[i].conditions
                conditions.remove(at: j)
                d.definitions[i].body = .conditions(conditions)
                out.append(d)
            }
            for j in c.definitions[i].actions.indices where c.definitions[i].actions.count > 1 {
                var d = c
                d.definitions[i].actions.remove(at: j)
                out.append(d)
            }
            for j in c.definitions[i].resources.indices where c.definitions[i].resources.count > 1 {
                var d = c
                d.definitions[i].resources.remove(at: j)
                out.append(d)
            }
        }
        for key in c.request.actor?.meta.keys.sorted() ?? [] {
            var d = c
            d.request.actor?.meta[key] = nil
            out.append(d)
        }
        for key in c.request.meta.keys {
            var d = c
            d.request.meta[key] = nil
            out.append(d)
        }
        return out
    }
}
