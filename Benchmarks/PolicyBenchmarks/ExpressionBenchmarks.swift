import Benchmark
import WardenExpression
import WardenValue

/// Expression benchmarks: the hot path of `security.policy.expr` policies.
func expressionBenchmarks() {
    let editor = ExpressionEnvironment(
        actor: Actor(id: "user:42", meta: ["role": "editor", "tenant": "acme"]),
        action: "write", resource: "document:1", meta: ["public": false, "tags": ["a", "b", "c"]])
    // 1,000 evaluations per sample, so the timer's own cost (about 100 ns) is amortised;
    // reported figures are per evaluation.
    let config: Benchmark.Configuration = .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .nanoseconds, scalingFactor: .kilo,
        maxDuration: .seconds(3))

    let cases: [(String, String)] = [
        ("role-and-action", #"(actor.meta.role == "editor" && action == "write") || meta.public == true"#),
        ("regex-prefix", #"resource matches "^document:.*" && action == "write""#),
        ("regex-engine", #"resource matches "^doc[a-z]+:[0-9]+$""#),
        ("in-list", #"action in ["read", "write", "list"] && actor.meta.tenant == "acme""#),
        ("closure-all", #"all(meta.tags, {# != "private"})"#),
    ]
    for (name, source) in cases {
        guard case .success(let expression) = ExpressionCompiler.compile(source) else {
            fatalError("benchmark expression does not compile: \(source)")
        }
        Benchmark("Expression evaluate \(name)", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(expression.evaluate(editor))
            }
        }
    }

    let compileSource = #"(actor.meta.role == "editor" && action == "write") || meta.public == true"#
    let compileConfig: Benchmark.Configuration = .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: .microseconds, maxDuration: .seconds(3))
    Benchmark("Expression compile role-and-action", configuration: compileConfig) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ExpressionCompiler.compile(compileSource))
        }
    }
}
