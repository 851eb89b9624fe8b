/// One policy ready to evaluate.
struct CompiledPolicy: Sendable {
    /// `namespace:name`.
    let id: String
    /// `allow` or `deny`.
    let effect: Effect
    /// Action patterns, in the order written.
    let actions: [GlobPattern]
    /// Resource patterns, in the order written.
    let resources: [GlobPattern]
    /// What decides whether the policy applies once the patterns match.
    let body: CompiledBody
}

import WardenExpression

/// A compiled policy body.
enum CompiledBody: Sendable {
    /// All conditions must hold.
    case conditions([CompiledCondition])
    /// The expression must evaluate to `true`; the layout places its positions in the file.
    case expression(CompiledExpression, ExpressionLayout)
}
