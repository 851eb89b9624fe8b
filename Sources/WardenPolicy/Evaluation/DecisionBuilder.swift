/// Collects per-policy results of one check and turns them into a ``Decision``.
struct DecisionBuilder {
    private var allows: [Int] = []
    private var denies: [Int] = []
    private var failures: [(position: Int, message: String)] = []

    /// Records what the policy at `position` yielded. An error is reported; it makes an allow
    /// policy not apply and a deny policy deny (fail closed, spec section 2).
    mutating func record(_ position: Int, effect: Effect, _ result: PolicyResult) {
        switch result {
        case .notApplicable: break
        case .applies: apply(position, effect)
        case .error(let message):
            failures.append((position, message))
            if effect == .deny { apply(position, effect) }
        }
    }

    private mutating func apply(_ position: Int, _ effect: Effect) {
        if effect == .allow {
            if allows.isEmpty { allows.reserveCapacity(8) }
            allows.append(position)
        } else {
            if denies.isEmpty { denies.reserveCapacity(8) }
            denies.append(position)
        }
    }

    /// Deny if any policy denies, else allow if any allows, else undefined (spec section 2).
    mutating func decision(policies: [CompiledPolicy], contextComplete: Bool) -> Decision {
        let outcome: Outcome
        if !denies.isEmpty {
            outcome = .deny
            denies.sort()
        } else if !allows.isEmpty {
            outcome = .allow
            allows.sort()
        } else {
            outcome = .undefined
        }
        let determining = outcome == .deny ? denies : (outcome == .allow ? allows : [])
        var errors: [PolicyEvaluationError] = []
        if !failures.isEmpty {
            errors = failures.sorted { $0.position < $1.position }.map {
                PolicyEvaluationError(policy: policies[$0.position].id, message: $0.message)
            }
        }
        return Decision(
            outcome: outcome, policies: determining.map { policies[$0].id }, errors: errors,
            contextComplete: contextComplete)
    }
}
