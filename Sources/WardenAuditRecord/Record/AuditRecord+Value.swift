import WardenValue

extension AuditRecord {
    /// The record as a JSON value, `hash` included; its canonical JSON is the record's line.
    public var value: Value {
        var map = valueWithoutHash
        map["hash"] = .string(hash)
        return .map(map)
    }

    /// The record's fields without `hash`: the map whose canonical JSON is hashed.
    public var valueWithoutHash: [String: Value] {
        if let checkpoint {
            return [
                "v": .int(Self.version), "id": .string(id), "seq": .int(seq), "time": .string(time.rfc3339),
                "node": .string(node),
                "checkpoint": checkpoint.value, "prev": .string(prev),
            ]
        }
        var map: [String: Value] = [
            "v": .int(Self.version),
            "id": .string(id),
            "seq": .int(seq),
            "time": .string(time.rfc3339),
            "node": .string(node),
            "op": .string(op),
            "caller": caller.value,
            "target": .map(target),
            "checks": .list(checks.map(\.value)),
            "decision": .string(decision.rawValue),
            "policy_revision": .string(policyRevision),
            "duration_ns": .int(durationNanoseconds),
            "prev": .string(prev),
        ]
        if let error { map["error"] = error.value }
        return map
    }

    /// Reads a version-1 record from its JSON value, checking every field's presence and type.
    /// - Throws: ``AuditRecordError`` naming the first field that is missing or wrong.
    public init(value: Value) throws(AuditRecordError) {
        guard case .map(let map) = value else {
            throw AuditRecordError(.notARecord, "not an audit record: expected a JSON object, found \(value.typeName)")
        }
        guard let version = map["v"] else {
            throw AuditRecordError(.notARecord, "not an audit record: missing field `v`")
        }
        guard case .int(let v) = version, v >= 1 else {
            throw AuditRecordError(
                .notARecord, "not an audit record: field `v` must be the integer 1, found `\(version)`")
        }
        guard v == Self.version else {
            throw AuditRecordError(
                .futureVersion,
                "record version `\(v)` is newer than this reader understands (version \(Self.version)); use a newer warden"
            )
        }
        let fields = RecordFields(map: map, path: "")
        if map["checkpoint"] != nil {
            self = try AuditRecord(checkpointFields: fields)
            return
        }
        try fields.rejectUnknown(allowed: Self.fieldNames)
        // Fields are read in the line's order, so the first wrong one is the one reported.
        let id = try fields.string("id", validate: AuditRecordID.isValid, expected: "a lowercase UUID")
        let seq = try fields.int("seq", minimum: 1)
        let time = try fields.time("time")
        let node = try fields.string("node")
        let op = try fields.string("op")
        let caller = try AuditCaller(fields: fields.object("caller"))
        let target = try fields.map("target")
        let checks = try fields.objects("checks").map { fields throws(AuditRecordError) in
            try AuditCheck(fields: fields)
        }
        let decision = try fields.enumeration("decision", AuditDecision.self)
        let error = try fields.optionalObject("error").map { fields throws(AuditRecordError) in
            try AuditCallError(fields: fields)
        }
        let policyRevision = try fields.string("policy_revision")
        let durationNanoseconds = try fields.int("duration_ns", minimum: 0)
        let prev = try fields.string("prev", validate: ChainHash.isValidHex, expected: "64 lowercase hex digits")
        let hash = try fields.string("hash", validate: ChainHash.isValidHex, expected: "64 lowercase hex digits")
        self.init(
            entry: AuditEntry(
                time: time, op: op, caller: caller, target: target, checks: checks, decision: decision, error: error,
                policyRevision: policyRevision, durationNanoseconds: durationNanoseconds),
            id: id, seq: seq, node: node, prev: prev, hash: hash)
    }

    /// Reads a checkpoint record (a record with a `checkpoint` field).
    private init(checkpointFields fields: RecordFields) throws(AuditRecordError) {
        try fields.rejectUnknown(allowed: Self.checkpointFieldNames)
        let checkpoint = try AuditCheckpoint(fields: fields.object("checkpoint"))
        self.init(
            checkpoint: checkpoint,
            id: try fields.string("id", validate: AuditRecordID.isValid, expected: "a lowercase UUID"),
            seq: try fields.int("seq", minimum: 1), time: try fields.time("time"), node: try fields.string("node"),
            prev: try fields.string("prev", validate: ChainHash.isValidHex, expected: "64 lowercase hex digits"),
            hash: try fields.string("hash", validate: ChainHash.isValidHex, expected: "64 lowercase hex digits"))
    }

    /// The top-level field names of a version-1 checkpoint record.
    static let checkpointFieldNames: Set<String> = ["v", "id", "seq", "time", "node", "checkpoint", "prev", "hash"]

    /// The top-level field names of a version-1 record.
    static let fieldNames: Set<String> = [
        "v", "id", "seq", "time", "node", "op", "caller", "target", "checks", "decision", "error",
        "policy_revision", "duration_ns", "prev", "hash",
    ]
}

extension AuditCaller {
    /// The caller as a JSON value.
    public var value: Value {
        var fields: [String: Value] = [
            "pid": pid.map(Value.string) ?? .null,
            "frame": frame.map(Value.string) ?? .null,
            "actor": actor?.value ?? .null,
            "scope": .list(scope.map(Value.string)),
            "groups": .list(groups.map(Value.string)),
            "context": .string(context.rawValue),
        ]
        if let site { fields["site"] = .string(site) }
        return .map(fields)
    }

    init(fields: RecordFields) throws(AuditRecordError) {
        try fields.rejectUnknown(allowed: ["pid", "frame", "actor", "scope", "groups", "context", "site"])
        pid = try fields.optionalString("pid")
        frame = try fields.optionalString("frame")
        if let actorFields = try fields.nullableObject("actor") {
            try actorFields.rejectUnknown(allowed: ["id", "meta"])
            actor = Actor(id: try actorFields.string("id"), meta: try actorFields.map("meta"))
        } else {
            actor = nil
        }
        scope = try fields.strings("scope")
        groups = try fields.strings("groups")
        context = try fields.enumeration("context", AuditContext.self)
        site = try fields.absentOrString("site")
    }
}

extension AuditCheck {
    /// The check as a JSON value.
    public var value: Value {
        .map([
            "action": .string(action),
            "resource": .string(resource),
            "decision": .string(decision.rawValue),
            "policies": .list(policies.map(Value.string)),
            "errors": .list(errors.map(Value.string)),
            "meta": .map(meta),
        ])
    }

    init(fields: RecordFields) throws(AuditRecordError) {
        try fields.rejectUnknown(allowed: ["action", "resource", "decision", "policies", "errors", "meta"])
        action = try fields.string("action")
        resource = try fields.string("resource")
        decision = try fields.enumeration("decision", AuditCheckDecision.self)
        policies = try fields.strings("policies")
        errors = try fields.strings("errors")
        meta = try fields.map("meta")
    }
}

extension AuditCallError {
    /// The error as a JSON value.
    public var value: Value {
        .map(["kind": .string(kind), "message": .string(message)])
    }

    init(fields: RecordFields) throws(AuditRecordError) {
        try fields.rejectUnknown(allowed: ["kind", "message"])
        kind = try fields.string("kind")
        message = try fields.string("message")
    }
}
