import WardenAuditRecord

/// A recorded call whose decision would be different under the candidate policy set.
public struct ReplayChange: Sendable {
    /// The record as it was written.
    public var record: AuditRecord
    /// The decision the candidate set gives the whole call.
    public var newDecision: AuditDecision
    /// Every check re-evaluated, in the recorded order.
    public var newChecks: [AuditCheck]

    /// `allow -> deny` or `deny -> allow`.
    public var direction: String { "\(record.decision.rawValue) -> \(newDecision.rawValue)" }

    /// The policies that decided the recorded call: the denying (or non-allowing) first check's
    /// for a deny, every allowing policy for an allow.
    public var oldPolicies: [String] { Self.responsible(record.decision, record.checks) }

    /// The policies that decide the call under the candidate set, chosen the same way.
    public var newPolicies: [String] { Self.responsible(newDecision, newChecks) }

    static func responsible(_ decision: AuditDecision, _ checks: [AuditCheck]) -> [String] {
        if decision == .deny {
            return checks.first { $0.decision != .allow }?.policies ?? []
        }
        return Array(Set(checks.flatMap(\.policies))).sorted()
    }
}
