/// Collects per-policy results of one check and turns them into a ``Decision``.
///
/// Allocation-free for the common case: the first allowing and the first denying position are
/// kept inline, and a decision that one policy determines shares that policy's `idList`. Arrays
/// are only made for a second policy of the same effect or for an error.
struct DecisionBuilder {
    private var firstAllow = -1
    private var firstDeny = -1
    private var moreAllows: [Int] = []
    private var moreDenies: [Int] = []
    private var failures: [(position: Int, message: String)] = []

    /// Records what the policy at `position` yielded. An error is reported; it makes an allow
    /// policy not apply and a deny policy deny (fail closed, spec section 2).
    @inline(__always)
    mutating func record(_ position: Int, effect: Effect, _ result: PolicyResult) {
        switch result {
        case .notApplicable: break
        case .applies: apply(position, effect)
        case .error(let message):
            failures.append((position, message))
            if effect == .deny { apply(position, effect) }
        }
    }

    @inline(__always)
    private mutating func apply(_ position: Int, _ effect: Effect) {
        if effect == .allow {
            if firstAllow < 0 { firstAllow = position } else { moreAllows.append(position) }
        } else {
            if firstDeny < 0 { firstDeny = position } else { moreDenies.append(position) }
        }
    }

    /// Deny if any policy denies, else allow if any allows, else undefined (spec section 2).
    func decision(policies: [CompiledPolicy], contextComplete: Bool) -> Decision {
        let outcome: Outcome
        let determining: [String]
        if firstDeny >= 0 {
            outcome = .deny
            determining = Self.ids(firstDeny, moreDenies, policies)
        } else if firstAllow >= 0 {
            outcome = .allow
            determining = Self.ids(firstAllow, moreAllows, policies)
        } else {
            outcome = .undefined
            determining = []
        }
        var errors: [PolicyEvaluationError] = []
        if !failures.isEmpty {
            errors = failures.sorted { $0.position < $1.position }.map {
                PolicyEvaluationError(policy: policies[$0.position].id, message: $0.message)
            }
        }
        return Decision(
            outcome: outcome, policies: determining, errors: errors, contextComplete: contextComplete)
    }

    /// The ids of `first` and `more`, in position (so id) order.
    private static func ids(_ first: Int, _ more: [Int], _ policies: [CompiledPolicy]) -> [String] {
        guard !more.isEmpty else { return policies[first].idList }
        var positions = more
        positions.append(first)
        positions.sort()
        return positions.map { policies[$0].id }
    }
}
