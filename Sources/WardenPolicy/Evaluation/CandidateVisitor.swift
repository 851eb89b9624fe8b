/// Visits the candidates one request's index lookup yields and records what each policy says.
///
/// A candidate counts only through its first matching action pattern (and, for resource
/// entries, its first matching resource pattern), so each policy is evaluated at most once.
/// (Static functions with the state passed in, so nothing is copied per candidate.)
enum CandidateVisitor {
    /// A (policy, action pattern) entry: the action pattern is checked, then any resource pattern.
    @inline(__always)
    static func visit(
        _ entry: PolicyIndex.ActionEntry, _ request: AuthorizationRequest, _ policies: [Unmanaged<CompiledPolicy>],
        _ table: MatchTable, _ action: UnsafeBufferPointer<UInt8>, _ resource: UnsafeBufferPointer<UInt8>,
        _ builder: inout DecisionBuilder
    ) {
        let position = Int(entry.policy)
        guard table.firstMatch(table.actions[position], Int(entry.action), action, verified: entry.verified),
            table.anyMatch(table.resources[position], resource)
        else { return }
        policies[position]._withUnsafeGuaranteedRef { policy in
            builder.record(position, effect: policy.effect, policy.evaluateBody(request))
        }
    }

    /// A (policy, action pattern, resource pattern) entry.
    @inline(__always)
    static func visit(
        _ entry: PolicyIndex.ResourceEntry, _ request: AuthorizationRequest, _ policies: [Unmanaged<CompiledPolicy>],
        _ table: MatchTable, _ action: UnsafeBufferPointer<UInt8>, _ resource: UnsafeBufferPointer<UInt8>,
        _ builder: inout DecisionBuilder
    ) {
        let position = Int(entry.policy)
        guard table.firstMatch(table.resources[position], Int(entry.resource), resource, verified: entry.verified),
            table.firstMatch(table.actions[position], Int(entry.action), action)
        else { return }
        policies[position]._withUnsafeGuaranteedRef { policy in
            builder.record(position, effect: policy.effect, policy.evaluateBody(request))
        }
    }
}
