/// Collects per-policy results of one check and turns them into a ``Decision``.
struct DecisionBuilder {
    private var allows: [Int] = []
    private var denies: [Int] = []
    private var failures: [(position: Int, message: String)] = []

    /// Records what the policy at `position` yielded.
    mutating func record(_ position: Int, effect: Effect, _ result: PolicyResult) {
        switch result {
        case .notApplicable: break
        case .applies:
            if effect == .allow { allows.append(position) } else { denies.append(position) }
        case .error(let message): failures.append((position, message))
        }
    }

    /// Deny if any policy denies, else allow if any allows, else undefined (spec section 2).
    func decision(ids: [PolicyDefinition], contextComplete: Bool) -> Decision {
        let outcome: Outcome
        let determining: [Int]
        if !denies.isEmpty {
            outcome = .deny
            determining = denies
        } else if !allows.isEmpty {
            outcome = .allow
            determining = allows
        } else {
            outcome = .undefined
            determining = []
        }
        let errors = failures.sorted { $0.position < $1.position }.map {
            PolicyEvaluationError(policy: ids[$0.position].id, message: $0.message)
        }
        return Decision(
            outcome: outcome, policies: determining.sorted().map { ids[$0].id }, errors: errors,
            contextComplete: contextComplete)
    }
}
