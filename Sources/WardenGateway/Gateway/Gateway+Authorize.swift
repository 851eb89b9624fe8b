import WardenAuditRecord
import WardenPolicy
import WardenRuntime
import WardenValue

extension Gateway {
    /// Validates, resolves and authorizes a call aimed at a destination; returns the resolved PID
    /// the call must be forwarded to (so a name rebound after the check cannot redirect it).
    func guardDestination(
        _ call: GuardedCall, _ destination: Destination, caller: Caller, target: [String: Value]? = nil,
        topic: String? = nil, validate: () throws(ProcessError) -> Void = {}
    ) async throws(ProcessError) -> PID {
        var target = target ?? Self.destinationTarget(destination)
        let policies = store.snapshot(for: caller.security.scope)
        let started = ContinuousClock.now
        let pid: PID
        do throws(ProcessError) {
            try validate()
            pid = try await inner.resolve(destination)
        } catch {
            try await recordFailure(
                call, caller: caller, target: target, error: error, policies: policies, since: started)
        }
        let pidText = pid.description
        target["pid"] = .string(pidText)
        var name: String?
        let destinationText: String
        switch destination {
        case .name(let given):
            name = given
            destinationText = given
        case .pid(let given):
            destinationText = given == pid ? pidText : given.description
        }
        let facts = CallFacts(
            call: call, callerPID: caller.pid.description, destination: destinationText,
            targetPID: pidText, name: name, topic: topic)
        try await authorize(facts, caller: caller, target: target, policies: policies, since: started)
        return pid
    }

    /// Evaluates every check of `facts` against the snapshot `policies` (its set and the caller's
    /// scope resolved against it), writes the call's record, and throws `PERMISSION_DENIED`
    /// naming the first denied check when the call is not allowed.
    func authorize(
        _ facts: CallFacts, caller: Caller, target: [String: Value], policies: PolicySnapshot,
        since started: ContinuousClock.Instant
    ) async throws(ProcessError) {
        let checks: [PlannedCheck]
        do throws(CheckPlanError) {
            checks = try CheckPlanner.plan(facts)
        } catch {
            let failure = ProcessError(.internal, error.description, code: "gateway-plan-failed")
            try await recordFailure(
                facts.call, caller: caller, target: target, error: failure, policies: policies, since: started)
        }
        let verdict = policies.policies.decide(
            checks, actor: caller.security.actor, scope: policies.scope, strict: configuration.strict)
        var denial: ProcessError?
        if let denied = verdict.firstDenied {
            denial = ProcessError(.permissionDenied, denied.check.denialMessage, code: "permission-denied")
        }
        let entry = AuditEntry(
            op: facts.call.auditOp,
            caller: Self.auditCaller(caller, pid: facts.callerPID, complete: verdict.contextComplete),
            target: target,
            checks: verdict.outcomes.map(Self.auditCheck),
            decision: verdict.isAllowed ? .allow : .deny,
            error: denial.map { AuditCallError(kind: $0.kind.rawValue, message: $0.message) },
            policyRevision: verdict.revision,
            durationNanoseconds: Self.nanoseconds(since: started))
        try await write(entry)
        if let denial { throw denial }
    }

    /// Writes the record of a call that failed before authorization (validation or resolution)
    /// and rethrows its error.
    func recordFailure(
        _ call: GuardedCall, caller: Caller, target: [String: Value], error: ProcessError, policies: PolicySnapshot,
        since started: ContinuousClock.Instant
    ) async throws(ProcessError) -> Never {
        let security = caller.security
        let entry = AuditEntry(
            op: call.auditOp,
            caller: Self.auditCaller(
                caller, pid: caller.pid.description, complete: security.actor != nil && security.scope != nil),
            target: target,
            checks: [],
            decision: .deny,
            error: AuditCallError(kind: error.kind.rawValue, message: error.message),
            policyRevision: policies.policies.revision,
            durationNanoseconds: Self.nanoseconds(since: started))
        try await write(entry)
        throw error
    }

    /// Hands a record to the audit log; a record that cannot be written fails the call
    /// (`INTERNAL`) unless the log was configured fail-open.
    func write(_ entry: AuditEntry) async throws(ProcessError) {
        do {
            let position = try await audit.record(entry)
            recordObserver?(GatewayRecord(entry: entry, position: position, written: true))
        } catch {
            recordObserver?(GatewayRecord(entry: entry, position: nil, written: false))
            throw ProcessError(
                .internal, "audit record could not be written, so the call was refused: \(error.message)",
                code: "audit-failed")
        }
    }

    /// The record's caller; `pid` is the caller's PID string, computed once per call. The
    /// site is the one the caller's host bound for this call (``CallSite``), if any.
    static func auditCaller(_ caller: Caller, pid: String, complete: Bool) -> AuditCaller {
        AuditCaller(
            pid: pid, frame: caller.frame, actor: caller.security.actor,
            scope: caller.security.scope?.policies ?? [], groups: caller.security.scope?.groups ?? [],
            context: complete ? .complete : .incomplete, site: CallSite.current)
    }

    static func auditCheck(_ outcome: CheckOutcome) -> AuditCheck {
        AuditCheck(
            action: outcome.check.permission.action,
            resource: outcome.check.resource,
            decision: AuditCheckDecision(outcome.decision.outcome),
            policies: outcome.decision.policies,
            errors: outcome.decision.errors.map(\.description),
            meta: outcome.check.attributes)
    }

    static func nanoseconds(since start: ContinuousClock.Instant) -> Int {
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        return Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    }
}

extension AuditCheckDecision {
    /// The record form of a policy outcome.
    init(_ outcome: Outcome) {
        switch outcome {
        case .allow: self = .allow
        case .deny: self = .deny
        case .undefined: self = .undefined
        }
    }
}

extension Gateway {
    /// A gateway writes the caller's call site (``CallSite/current``) into every record.
    public var readsCallSites: Bool { true }
}
