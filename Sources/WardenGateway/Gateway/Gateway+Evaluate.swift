import WardenAuditRecord
import WardenPolicy
import WardenRuntime
import WardenValue

extension Gateway {
    /// Answers a policy question (`security.can`, `scope:evaluate`) from the current policy
    /// set, with the gateway's strict mode, and writes one `security.can` record with the one
    /// check: the caller is the asking process, the check the question's action, resource and
    /// meta; the target names the actor and scope asked about when they are not the caller's.
    public func evaluate(_ question: PolicyQuestion, caller: Caller) async throws(ProcessError) -> PolicyAnswer {
        let policies = store.snapshot
        let started = ContinuousClock.now
        let security = question.security
        let scope = security.scope.map { policies.resolve(ScopeSpec(policies: $0.policies, groups: $0.groups)) }
        let request = AuthorizationRequest(
            actor: security.actor, action: question.action, resource: question.resource, meta: question.meta)
        let decision = policies.decide(request, scope: scope, strict: configuration.strict)
        let answer: PolicyAnswer =
            switch decision.outcome {
            case .allow: .allow
            case .deny: .deny
            case .undefined: .undefined
            }
        var target: [String: Value] = ["action": .string(question.action), "resource": .string(question.resource)]
        if security != caller.security {
            target["actor"] = security.actor?.value ?? .null
            target["scope"] = .map([
                "policies": .list((security.scope?.policies ?? []).map(Value.string)),
                "groups": .list((security.scope?.groups ?? []).map(Value.string)),
            ])
        }
        let check = AuditCheck(
            action: question.action, resource: question.resource, decision: AuditCheckDecision(decision.outcome),
            policies: decision.policies, errors: decision.errors.map(\.description), meta: question.meta)
        let entry = AuditEntry(
            op: "security.can",
            caller: Self.auditCaller(
                caller, pid: caller.pid.description,
                complete: caller.security.actor != nil && caller.security.scope != nil && decision.contextComplete),
            target: target,
            checks: [check],
            decision: answer == .allow ? .allow : .deny,
            error: nil,
            policyRevision: policies.revision,
            durationNanoseconds: Self.nanoseconds(since: started))
        try await write(entry)
        return answer
    }
}
