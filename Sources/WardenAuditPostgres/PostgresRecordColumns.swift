import PostgresNIO
import WardenAuditRecord
import WardenValue

/// A batch of records as column arrays, inserted with one statement (`unnest` of arrays, three
/// data-modifying parts: records, checks, check policies), so a batch costs one round trip and
/// commits atomically.
struct PostgresRecordColumns: Sendable {
    var node: [String] = []
    var seq: [Int] = []
    var id: [String] = []
    var timeMicros: [Int] = []
    var op: [String] = []
    var callerPid: [String] = []
    var hasCallerPid: [Bool] = []
    var actor: [String] = []
    var hasActor: [Bool] = []
    var decision: [String] = []
    var errorKind: [String] = []
    var hasErrorKind: [Bool] = []
    var policyRevision: [String] = []
    var prev: [String] = []
    var hash: [String] = []
    var line: [String] = []

    var checkNode: [String] = []
    var checkSeq: [Int] = []
    var checkIdx: [Int] = []
    var checkAction: [String] = []
    var checkResource: [String] = []
    var checkDecision: [String] = []

    var policyNode: [String] = []
    var policySeq: [Int] = []
    var policyIdx: [Int] = []
    var policy: [String] = []

    /// How many records.
    var count: Int { seq.count }

    /// Adds a record and its line.
    mutating func append(_ record: AuditRecord, line text: String) {
        node.append(record.node)
        seq.append(record.seq)
        id.append(record.id)
        timeMicros.append(Int(record.time.microseconds))
        op.append(record.op)
        callerPid.append(record.caller.pid ?? "")
        hasCallerPid.append(record.caller.pid != nil)
        actor.append(record.caller.actor?.id ?? "")
        hasActor.append(record.caller.actor != nil)
        decision.append(Self.decisionColumn(record))
        errorKind.append(record.error?.kind ?? "")
        hasErrorKind.append(record.error != nil)
        policyRevision.append(record.policyRevision)
        prev.append(record.prev)
        hash.append(record.hash)
        line.append(text)
        for (index, check) in record.checks.enumerated() {
            checkNode.append(record.node)
            checkSeq.append(record.seq)
            checkIdx.append(index)
            checkAction.append(check.action)
            checkResource.append(check.resource)
            checkDecision.append(check.decision.rawValue)
            var seen = Set<String>()
            for name in check.policies where seen.insert(name).inserted {
                policyNode.append(record.node)
                policySeq.append(record.seq)
                policyIdx.append(index)
                policy.append(name)
            }
        }
    }

    /// The `decision` column: the call's decision, or `checkpoint` (as in the SQLite store).
    static func decisionColumn(_ record: AuditRecord) -> String {
        record.isCheckpoint ? "checkpoint" : record.decision.rawValue
    }

    /// The statement inserting every row of the batch.
    var insert: PostgresQuery {
        var bindings = PostgresBindings(capacity: 26)
        bindings.append(node)
        bindings.append(seq)
        bindings.append(id)
        bindings.append(timeMicros)
        bindings.append(op)
        bindings.append(hasCallerPid)
        bindings.append(callerPid)
        bindings.append(hasActor)
        bindings.append(actor)
        bindings.append(decision)
        bindings.append(hasErrorKind)
        bindings.append(errorKind)
        bindings.append(policyRevision)
        bindings.append(prev)
        bindings.append(hash)
        bindings.append(line)
        bindings.append(checkNode)
        bindings.append(checkSeq)
        bindings.append(checkIdx)
        bindings.append(checkAction)
        bindings.append(checkResource)
        bindings.append(checkDecision)
        bindings.append(policyNode)
        bindings.append(policySeq)
        bindings.append(policyIdx)
        bindings.append(policy)
        return PostgresQuery(unsafeSQL: Self.insertSQL, binds: bindings)
    }

    static let insertSQL = """
        WITH records AS (
            INSERT INTO audit_records (node, seq, id, time_us, op, caller_pid, actor, decision, error_kind, policy_revision, prev, hash, line)
            SELECT n, s, i, t, o, CASE WHEN hp THEN p END, CASE WHEN ha THEN a END, d, CASE WHEN he THEN e END, r, pv, h, l
            FROM unnest($1::text[], $2::int8[], $3::text[], $4::int8[], $5::text[], $6::bool[], $7::text[], $8::bool[], $9::text[],
                        $10::text[], $11::bool[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
                AS x(n, s, i, t, o, hp, p, ha, a, d, he, e, r, pv, h, l)
        ), checks AS (
            INSERT INTO audit_checks (node, seq, idx, action, resource, decision)
            SELECT * FROM unnest($17::text[], $18::int8[], $19::int4[], $20::text[], $21::text[], $22::text[])
        )
        INSERT INTO audit_check_policies (node, seq, idx, policy)
        SELECT * FROM unnest($23::text[], $24::int8[], $25::int4[], $26::text[])
        """
}
