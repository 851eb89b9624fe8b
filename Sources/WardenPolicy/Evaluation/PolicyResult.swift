import WardenExpression

/// What one policy yields for one request.
enum PolicyResult {
    /// The policy does not apply.
    case notApplicable
    /// The policy applies with its effect.
    case applies
    /// The policy could not be evaluated (it counts as not applicable and the error is reported).
    case error(String)
}

extension CompiledPolicy {
    /// Evaluates the body (the patterns are already known to match). Conditions are checked in
    /// order and evaluation stops at the first that fails or errors.
    func evaluateBody(_ request: AuthorizationRequest) -> PolicyResult {
        if let (expression, layout) = expression {
            let environment = ExpressionEnvironment(
                actor: request.actor, action: request.action, resource: request.resource, meta: request.meta)
            switch expression.evaluateBool(environment) {
            case .success(true): return .applies
            case .success(false): return .notApplicable
            case .failure(let error):
                let mark = layout.mark(line: error.position.line, column: error.position.column)
                return .error("expression at \(mark): \(error.code): \(error.message)")
            }
        }
        var index = 0
        while index < conditions.count {
            switch conditions[index].evaluate(request) {
            case .holds: index += 1
            case .fails: return .notApplicable
            case .error(let message): return .error("condition \(index + 1): \(message)")
            }
        }
        return .applies
    }
}
