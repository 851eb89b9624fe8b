import WardenExpression

/// What one policy yields for one request.
enum PolicyResult {
    /// The policy does not apply.
    case notApplicable
    /// The policy applies with its effect.
    case applies
    /// The policy could not be evaluated: the error is reported, and the policy yields its
    /// effect's fail-closed reading (an allow policy does not apply, a deny policy denies).
    case error(String)
}

extension CompiledPolicy {
    /// Evaluates the body (the patterns are already known to match). Conditions are checked in
    /// order and evaluation stops at the first that fails: a condition that is false decides
    /// the conjunction whatever the others say. An error is kept while the remaining conditions
    /// are checked, and is the result only when none of them fails, so the outcome does not
    /// depend on the order the conditions are written in.
    ///
    /// What the result means for the decision depends on the effect: see ``outcome(of:)``.
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
        var firstError: String?
        let conditions = conditionRefs
        while index < conditions.count {
            switch conditions[index]._withUnsafeGuaranteedRef({ $0.evaluate(request) }) {
            case .holds: break
            case .fails: return .notApplicable
            case .error(let message):
                if firstError == nil { firstError = "condition \(index + 1): \(message)" }
            }
            index += 1
        }
        if let firstError { return .error(firstError) }
        return .applies
    }
}

extension CompiledPolicy {
    /// What the policy yields for a body result: its effect when it applies, `undefined` when it
    /// does not, and on an error `deny` for a deny policy (fail closed) and `undefined` for an
    /// allow policy.
    func outcome(of result: PolicyResult) -> Outcome {
        switch result {
        case .applies: effect == .allow ? .allow : .deny
        case .notApplicable: .undefined
        case .error: effect == .deny ? .deny : .undefined
        }
    }
}
