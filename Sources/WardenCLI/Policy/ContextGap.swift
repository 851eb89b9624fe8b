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
}
