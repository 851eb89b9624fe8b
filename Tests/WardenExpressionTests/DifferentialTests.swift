import Testing
import WardenExpressionReference
import WardenValue

@testable import WardenExpression

/// The compiled evaluator against the reference interpreter on seeded random expressions.
/// A failure names the seed and the expression; rerun one seed with `DifferentialTests.check(seed:)`.
@Suite("differential: compiled evaluator vs reference interpreter")
struct DifferentialTests {
    static let seeds: Range<UInt64> = 0..<4000
    static let environmentsPerExpression = 4

    struct Mismatch: CustomStringConvertible {
        var seed: UInt64
        var source: String
        var detail: String
        var description: String { "seed \(seed): `\(source)`: \(detail)" }
    }

    /// Checks one seed; returns the problems found (empty when both agree).
    static func check(seed: UInt64) -> [Mismatch] {
        var generator = RandomExpressions(seed: seed)
        let want: RandomExpressions.Want = seed % 3 == 0 ? .any : .bool
        let tree = generator.expression(want, depth: Int(seed % 5) + 1)
        var renderer = ReferenceRenderer(seed: seed)
        let source = renderer.render(tree)
        let compiled: CompiledExpression
        switch ExpressionCompiler.compile(source, limits: .default, typeChecks: false) {
        case .success(let c): compiled = c
        case .failure(let diagnostics):
            return [Mismatch(seed: seed, source: source, detail: "does not compile: \(diagnostics)")]
        }
        let checked = ExpressionCompiler.compile(source, limits: .default, typeChecks: true)
        var problems: [Mismatch] = []
        for _ in 0..<environmentsPerExpression {
            let env = generator.environment()
            var reference = ReferenceInterpreter(env)
            let expected = reference.run(tree)
            let actual = compiled.evaluate(env)
            let context =
                "actor=\(env.actor.map { $0.value.canonicalJSON } ?? "nil") action=\(env.action) resource=\(env.resource) meta=\(Value.map(env.meta).canonicalJSON)"
            switch (expected, actual) {
            case (.success(let e), .success(let a)):
                if !identical(e, a) {
                    problems.append(
                        Mismatch(seed: seed, source: source, detail: "reference \(e), compiled \(a); \(context)"))
                }
            case (.failure(let e), .failure(let a)):
                if e.kind != a.kind {
                    problems.append(
                        Mismatch(
                            seed: seed, source: source,
                            detail: "reference error \(e.kind), compiled error \(a); \(context)"))
                }
            case (.success(let e), .failure(let a)):
                problems.append(
                    Mismatch(seed: seed, source: source, detail: "reference \(e), compiled error \(a); \(context)"))
            case (.failure(let e), .success(let a)):
                problems.append(
                    Mismatch(seed: seed, source: source, detail: "reference error \(e.kind), compiled \(a); \(context)")
                )
            }
            // The load-time type inference must be sound: it never excludes a type that occurs.
            if case .success(let e) = expected {
                switch checked {
                case .success(let c):
                    if !c.kinds.contains(ValueKinds(of: e)) {
                        problems.append(
                            Mismatch(
                                seed: seed, source: source,
                                detail: "inferred \(c.kinds) but the value is \(e); \(context)"))
                    }
                case .failure(let d):
                    if d.items.allSatisfy({ $0.code == .notBoolean }),
                        d.items.contains(where: { $0.position == .start }), case .bool = e
                    {
                        problems.append(
                            Mismatch(
                                seed: seed, source: source,
                                detail: "rejected as never boolean but it is \(e); \(context)"))
                    }
                }
            }
        }
        if seed % 16 == 0 {
            let env = generator.environment()
            let traced = compiled.explain(env).result
            if !sameOutcome(traced, compiled.evaluate(env)) {
                problems.append(Mismatch(seed: seed, source: source, detail: "explain and evaluate disagree"))
            }
        }
        return problems
    }

    static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.map(let x), .map(let y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { identical(v, $0) } ?? false }
        default: return a == b
        }
    }

    static func sameOutcome(_ a: Result<Value, ExpressionError>, _ b: Result<Value, ExpressionError>) -> Bool {
        switch (a, b) {
        case (.success(let x), .success(let y)): identical(x, y)
        case (.failure(let x), .failure(let y)): x == y
        default: false
        }
    }

    @Test("compiled and reference agree on thousands of seeded random expressions")
    func agreeOnRandomExpressions() {
        var failures: [Mismatch] = []
        for seed in Self.seeds {
            failures += Self.check(seed: seed)
            if failures.count >= 10 { break }
        }
        for failure in failures { Issue.record("\(failure)") }
        #expect(failures.isEmpty)
    }

    @Test("the generator covers successes, errors and every result type")
    func generatorCoversOutcomes() {
        var kinds: ValueKinds = []
        var errors: Set<ExpressionError.Kind> = []
        for seed in UInt64(0)..<500 {
            var generator = RandomExpressions(seed: seed)
            let tree = generator.expression(seed % 3 == 0 ? .any : .bool, depth: Int(seed % 5) + 1)
            for _ in 0..<4 {
                var reference = ReferenceInterpreter(generator.environment())
                switch reference.run(tree) {
                case .success(let v): kinds.insert(ValueKinds(of: v))
                case .failure(let f): errors.insert(f.kind)
                }
            }
        }
        #expect(kinds == .all)
        #expect(errors.isSuperset(of: [.type, .nilMember, .unknownMember, .indexOutOfRange]))
    }
}
