import WardenPolicy

/// The decision for one planned check.
public typealias CheckOutcome = CheckDecision<PlannedCheck>

/// The authorization of a whole call: every planned check's decision and the overall verdict,
/// decided by `PolicySet.decide(_:actor:scope:strict:)`, the fail-closed rule of WardenPolicy.
public typealias CallVerdict = CallDecision<PlannedCheck>
