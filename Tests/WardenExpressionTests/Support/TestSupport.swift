import WardenValue

@testable import WardenExpression

/// An environment with the given parts; the actor defaults to `u` with no meta.
func environment(
    actor: Actor? = Actor(id: "u"), action: String = "read", resource: String = "doc:1", meta: [String: Value] = [:]
) -> ExpressionEnvironment {
    ExpressionEnvironment(actor: actor, action: action, resource: resource, meta: meta)
}

/// Compiles `source`, failing with its diagnostics.
func compiled(_ source: String, limits: ExpressionLimits = .default) throws -> CompiledExpression {
    try ExpressionCompiler.compile(source, limits: limits).get()
}

/// Compiles without the type checks, so any well-formed expression can be evaluated.
func compiledUnchecked(_ source: String, limits: ExpressionLimits = .default) throws -> CompiledExpression {
    try ExpressionCompiler.compile(source, limits: limits, typeChecks: false).get()
}

/// The value of `source` in `env` (type checks off, so operators can be probed directly).
func value(_ source: String, _ env: ExpressionEnvironment = environment()) throws -> Value {
    try compiledUnchecked(source).evaluate(env).get()
}

/// The evaluation error of `source` in `env`, or `nil` if it succeeds.
func evaluationError(_ source: String, _ env: ExpressionEnvironment = environment()) throws -> ExpressionError? {
    if case .failure(let error) = try compiledUnchecked(source).evaluate(env) { return error }
    return nil
}

/// The diagnostics of loading `source`, or `nil` if it loads.
func loadDiagnostics(_ source: String, limits: ExpressionLimits = .default) -> ExpressionDiagnostics? {
    if case .failure(let diagnostics) = ExpressionCompiler.compile(source, limits: limits) { return diagnostics }
    return nil
}
