extension PolicySet {
    /// Evaluates `request` against the policies of `scope` (spec section 2): any deny -> deny,
    /// else any allow -> allow, else undefined. Policies that error are `undefined` and reported.
    ///
    /// Only the policies the scope's index finds for the action (and resource) are looked at.
    /// A scope resolved against another revision yields `deny` with an error.
    public func evaluate(_ request: AuthorizationRequest, in scope: ResolvedScope) -> Decision {
        let complete = request.actor != nil
        guard scope.revision == storage.revision else {
            return Decision(
                outcome: .deny,
                errors: [
                    PolicyEvaluationError(
                        policy: "",
                        message:
                            "the scope was resolved against policy revision `\(scope.revision)`, not `\(storage.revision)`; resolve it again after a reload"
                    )
                ], contextComplete: complete)
        }
        var builder = DecisionBuilder()
        let policies = storage.policies
        let index = scope.index
        var action = request.action
        var resource = request.resource
        action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                func visit(_ entry: PolicyIndex.ActionEntry) {
                    let policy = policies[Int(entry.policy)]
                    let k = Int(entry.action)
                    guard policy.actions[k].matches(bytes: actionBytes) else { return }
                    for j in 0..<k where policy.actions[j].matches(bytes: actionBytes) { return }
                    guard policy.resources.contains(where: { $0.matches(bytes: resourceBytes) }) else { return }
                    builder.record(Int(entry.policy), effect: policy.effect, policy.evaluateBody(request))
                }
                func visit(_ entry: PolicyIndex.ResourceEntry) {
                    let policy = policies[Int(entry.policy)]
                    let k = Int(entry.action)
                    let m = Int(entry.resource)
                    guard policy.actions[k].matches(bytes: actionBytes),
                        policy.resources[m].matches(bytes: resourceBytes)
                    else { return }
                    for j in 0..<k where policy.actions[j].matches(bytes: actionBytes) { return }
                    for j in 0..<m where policy.resources[j].matches(bytes: resourceBytes) { return }
                    builder.record(Int(entry.policy), effect: policy.effect, policy.evaluateBody(request))
                }
                if let entries = index.exactActions[request.action] {
                    for entry in entries { visit(entry) }
                }
                index.actionPrefixes.forEachPrefix(of: actionBytes) { visit($0) }
                if let entries = index.exactResources[request.resource] {
                    for entry in entries { visit(entry) }
                }
                index.resourcePrefixes.forEachPrefix(of: resourceBytes) { visit($0) }
                for entry in index.unindexed { visit(entry) }
            }
        }
        return builder.decision(ids: storage.definitions, contextComplete: complete)
    }

    /// Authorizes a check the way the gateway does: with no actor or no scope the context is
    /// incomplete, and the check is denied in strict mode (the default) or allowed without
    /// evaluation otherwise; a complete context is evaluated normally.
    public func authorize(
        _ request: AuthorizationRequest, scope: ResolvedScope?, strict: Bool = true
    ) -> Decision {
        guard let scope, request.actor != nil else {
            return Decision(outcome: strict ? .deny : .allow, contextComplete: false)
        }
        return evaluate(request, in: scope)
    }
}
