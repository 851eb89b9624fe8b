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
        decision.append(AuditRecordColumn.decision(of: record))
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

    /// The statement inserting every row of the batch.
    var insert: PostgresQuery {
        var bindings = PostgresBindings(capacity: Self.parameterCount)
        for column in AuditRecordColumn.allCases {
            switch column {
            case .seq: bindings.append(seq)
            case .id: bindings.append(id)
            case .timeMicros: bindings.append(timeMicros)
            case .node: bindings.append(node)
            case .op: bindings.append(op)
            case .callerPid:
                bindings.append(hasCallerPid)
                bindings.append(callerPid)
            case .actor:
                bindings.append(hasActor)
                bindings.append(actor)
            case .decision: bindings.append(decision)
            case .errorKind:
                bindings.append(hasErrorKind)
                bindings.append(errorKind)
            case .policyRevision: bindings.append(policyRevision)
            case .prev: bindings.append(prev)
            case .hash: bindings.append(hash)
            case .line: bindings.append(line)
            }
        }
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

    /// The parameters of ``insertSQL``: an array per record column (two for a nullable one:
    /// whether each row has a value, and the values), then six for the checks and four for the
    /// check policies.
    static let parameterCount =
        AuditRecordColumn.allCases.count
        + AuditRecordColumn.allCases.filter(\.isNullable).count + 6 + 4

    /// One statement in three data-modifying parts, its record columns in
    /// ``AuditRecordColumn`` order.
    static let insertSQL: String = {
        var parameter = 0
        var arrays: [String] = []
        var aliases: [String] = []
        var selected: [String] = []
        func array(_ type: String, _ alias: String) {
            parameter += 1
            arrays.append("$\(parameter)::\(type)[]")
            aliases.append(alias)
        }
        for (index, column) in AuditRecordColumn.allCases.enumerated() {
            let alias = "c\(index)"
            if column.isNullable {
                array("bool", alias + "_set")
                array("text", alias)
                selected.append("CASE WHEN \(alias)_set THEN \(alias) END")
            } else {
                array(column.isInteger ? "int8" : "text", alias)
                selected.append(alias)
            }
        }
        func parameters(_ types: [String]) -> String {
            types.map { type in
                parameter += 1
                return "$\(parameter)::\(type)[]"
            }.joined(separator: ", ")
        }
        let checks = parameters(["text", "int8", "int4", "text", "text", "text"])
        let policies = parameters(["text", "int8", "int4", "text"])
        return """
            WITH records AS (
                INSERT INTO audit_records (\(AuditRecordColumn.nameList))
                SELECT \(selected.joined(separator: ", "))
                FROM unnest(\(arrays.joined(separator: ", "))) AS x(\(aliases.joined(separator: ", ")))
            ), checks AS (
                INSERT INTO audit_checks (node, seq, idx, action, resource, decision)
                SELECT * FROM unnest(\(checks))
            )
            INSERT INTO audit_check_policies (node, seq, idx, policy)
            SELECT * FROM unnest(\(policies))
            """
    }()
}
