import WardenExpression
import WardenGlob

/// One policy ready to evaluate (a class, so the hot path passes one reference around).
final class CompiledPolicy: Sendable {
    /// `namespace:name`.
    let id: String
    /// `[id]`, built once: the `policies` of a decision this policy alone determines, shared
    /// instead of allocated per decision.
    let idList: [String]
    /// `allow` or `deny`.
    let effect: Effect
    /// Action patterns, in the order written.
    let actions: [GlobPattern]
    /// Resource patterns, in the order written.
    let resources: [GlobPattern]
    /// What decides whether the policy applies once the patterns match.
    let body: CompiledBody
    /// The conditions (empty for expression policies), kept apart so the hot path reads them
    /// without copying the body.
    let conditions: [CompiledCondition]
    /// `conditions` again, as unretained references: the hot path calls each condition through
    /// a borrowed reference instead of paying a retain and a release per condition. The policy
    /// keeps every condition alive through `conditions`, so the references stay valid as long as
    /// the policy does.
    let conditionRefs: [Unmanaged<CompiledCondition>]
    /// The expression and its layout, for expression policies.
    let expression: (CompiledExpression, ExpressionLayout)?

    init(id: String, effect: Effect, actions: [GlobPattern], resources: [GlobPattern], body: CompiledBody) {
        self.id = id
        idList = [id]
        self.effect = effect
        self.actions = actions
        self.resources = resources
        self.body = body
        switch body {
        case .conditions(let list):
            conditions = list
            conditionRefs = list.map { Unmanaged.passUnretained($0) }
            expression = nil
        case .expression(let compiled, let layout):
            conditions = []
            conditionRefs = []
            expression = (compiled, layout)
        }
    }
}

/// A compiled policy body.
enum CompiledBody: Sendable {
    /// All conditions must hold.
    case conditions([CompiledCondition])
    /// The expression must evaluate to `true`; the layout places its positions in the file.
    case expression(CompiledExpression, ExpressionLayout)
}
