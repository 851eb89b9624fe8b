extension PolicySet {
    /// Evaluates `request` against the policies of `scope` (spec section 2): any deny -> deny,
    /// else any allow -> allow, else undefined. Policies that error are reported; an allow
    /// policy that errors does not apply, a deny policy that errors denies (fail closed).
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
        let index = scope.index
        var action = request.action
        var resource = request.resource
        return action.withUTF8 { actionBytes in
            resource.withUTF8 { resourceBytes in
                let policies = storage.policyRefs
                let table = storage.table
                var builder = DecisionBuilder()
                let actions = index.actions
                actions.forEachMatch(actionBytes) { span in
                    for i in Int(span.start)..<Int(span.start + span.count) {
                        CandidateVisitor.visit(
                            actions.entries[i], request, policies, table, actionBytes, resourceBytes, &builder)
                    }
                }
                let resources = index.resources
                resources.forEachMatch(resourceBytes) { span in
                    for i in Int(span.start)..<Int(span.start + span.count) {
                        CandidateVisitor.visit(
                            resources.entries[i], request, policies, table, actionBytes, resourceBytes, &builder)
                    }
                }
                for entry in index.unindexed {
                    CandidateVisitor.visit(entry, request, policies, table, actionBytes, resourceBytes, &builder)
                }
                return builder.decision(policies: storage.policies, contextComplete: complete)
            }
        }
    }

    /// Decides a check by the fail-closed rule shared by the gateway, `warden check`,
    /// `warden audit replay` and `warden policy eval`: a scope that did not resolve denies with
    /// its reason, and otherwise ``authorize(_:scope:strict:)`` decides (strict mode for an
    /// incomplete context, evaluation for a complete one).
    ///
    /// - Parameter scope: the caller's resolved scope; `.failure` when it names a policy or group
    ///   that does not exist; `nil` when the caller has no scope.
    public func decide(
        _ request: AuthorizationRequest, scope: Result<ResolvedScope, ScopeError>?, strict: Bool = true
    ) -> Decision {
        switch scope {
        case .failure(let error)?:
            Decision(
                outcome: .deny, errors: [PolicyEvaluationError(policy: "", message: error.description)],
                contextComplete: request.actor != nil)
        case .success(let resolved)?:
            authorize(request, scope: resolved, strict: strict)
        case nil:
            authorize(request, scope: nil, strict: strict)
        }
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
