/// What an incomplete context lacks, for the decision's context line: `no actor`, `no scope`
/// or `no actor, no scope`.
struct ContextGap: CustomStringConvertible {
    /// Whether the request has an actor.
    var hasActor: Bool
    /// Whether the caller has a scope.
    var hasScope: Bool

    /// `no actor`, `no scope`, `no actor, no scope`, or `complete`.
    var description: String {
        switch (hasActor, hasScope) {
        case (false, false): "no actor, no scope"
        case (false, true): "no actor"
        case (true, false): "no scope"
        case (true, true): "complete"
        }
    }

    /// What is missing, as a phrase for a sentence (`an actor`, `a scope`, `an actor and a
    /// scope`); `nil` when the context is complete.
    var missing: String? {
        switch (hasActor, hasScope) {
        case (false, false): "an actor and a scope"
        case (false, true): "an actor"
        case (true, false): "a scope"
        case (true, true): nil
        }
    }
}
