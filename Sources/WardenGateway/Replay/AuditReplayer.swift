import WardenAuditRecord
import WardenPolicy
import WardenValue

/// Re-evaluates recorded calls against a candidate policy set: every check of a record, with the
/// recorded actor, scope (policy ids and groups, resolved against the candidate set) and request
/// attributes, under the same rules as the gateway (strict mode; a scope naming something the
/// candidate set lacks denies).
public struct AuditReplayer {
    /// The candidate policy set.
    public let policies: PolicySet
    /// Strict mode, as the gateway that wrote the log had it.
    public let strict: Bool
    private var scopes: [ScopeKey: Result<ResolvedScope, ScopeError>] = [:]
    /// The scope of the last record replayed: consecutive records mostly share one.
    private var lastScope: (key: ScopeKey, scope: Result<ResolvedScope, ScopeError>)?
    /// The decisions of the last record's checks (the storage is reused).
    private var decisions: [Decision] = []

    private struct ScopeKey: Hashable {
        var policies: [String]
        var groups: [String]
    }

    /// Creates a replayer for `policies`.
    public init(policies: PolicySet, strict: Bool = true) {
        self.policies = policies
        self.strict = strict
    }

    /// The record's checks and call decision under the candidate set; `nil` for a record with no
    /// checks (its call failed before authorization, so there is nothing to re-decide).
    public mutating func replay(_ record: AuditRecord) -> (decision: AuditDecision, checks: [AuditCheck])? {
        guard let decision = decide(record) else { return nil }
        return (decision, replayedChecks(record))
    }

    /// Evaluates every check of `record` into ``decisions``; the call's decision, or `nil`
    /// for a record without checks.
    private mutating func decide(_ record: AuditRecord) -> AuditDecision? {
        guard !record.checks.isEmpty else { return nil }
        let scope: Result<ResolvedScope, ScopeError>?
        if record.caller.context == .incomplete && record.caller.actor != nil {
            scope = nil  // the actor was there, so the scope was missing
        } else {
            scope = resolve(policies: record.caller.scope, groups: record.caller.groups)
        }
        decisions.removeAll(keepingCapacity: true)
        var allowed = true
        for check in record.checks {
            let request = AuthorizationRequest(
                actor: record.caller.actor, action: check.action, resource: check.resource, meta: check.meta)
            let decision = policies.decide(request, scope: scope, strict: strict)
            allowed = allowed && decision.isAllowed
            decisions.append(decision)
        }
        return allowed ? .allow : .deny
    }

    /// The checks of `record` with the decisions ``decide(_:)`` just made.
    private func replayedChecks(_ record: AuditRecord) -> [AuditCheck] {
        zip(record.checks, decisions).map { check, decision in
            AuditCheck(
                action: check.action, resource: check.resource, decision: AuditCheckDecision(decision.outcome),
                policies: decision.policies, errors: decision.errors.map(\.description), meta: check.meta)
        }
    }

    /// Replays every record `next` yields until it returns `nil`; calls `onChange` for each call
    /// whose decision changes and `onProgress` every 10,000 records.
    ///
    /// The records come from any source (a file or database reader, a stream from the network),
    /// so replay needs nothing from the review side. `onChange` and `onProgress` are called on
    /// the caller's thread, in the order of the records.
    /// - Throws: what `next` throws.
    public mutating func replay<Failure: Error>(
        records next: () throws(Failure) -> AuditRecord?, onChange: (ReplayChange) -> Void,
        onProgress: (ReplaySummary) -> Void = { _ in }
    ) throws(Failure) -> ReplaySummary {
        var summary = ReplaySummary()
        while let record = try next() {
            summary.records += 1
            if summary.records % 10_000 == 0 { onProgress(summary) }
            guard let decision = decide(record) else {
                summary.skipped += 1
                continue
            }
            summary.replayed += 1
            guard decision != record.decision else { continue }
            if decision == .deny { summary.allowToDeny += 1 } else { summary.denyToAllow += 1 }
            onChange(ReplayChange(record: record, newDecision: decision, newChecks: replayedChecks(record)))
        }
        return summary
    }

    private mutating func resolve(policies ids: [String], groups: [String]) -> Result<ResolvedScope, ScopeError> {
        if let last = lastScope, last.key.policies == ids, last.key.groups == groups { return last.scope }
        let key = ScopeKey(policies: ids, groups: groups)
        let resolved: Result<ResolvedScope, ScopeError>
        if let known = scopes[key] {
            resolved = known
        } else {
            resolved = policies.resolve(ScopeSpec(policies: ids, groups: groups))
            scopes[key] = resolved
        }
        lastScope = (key, resolved)
        return resolved
    }
}
