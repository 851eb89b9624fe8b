import WardenValue

/// Reads a record line that is exactly what the writer produces straight into an
/// ``AuditRecord``: canonical JSON with every field of a version-1 record in key order, each of
/// the right type and valid. No `Value` tree is built for the fixed-shape parts and nothing is
/// re-encoded.
///
/// It accepts only lines that the full path (``JSONLineParser``, re-encoding, then
/// `AuditRecord(value:)`) accepts too, with the same record; anything else, including a valid
/// record in a form it does not handle, throws ``NotCanonical`` and the caller takes the full
/// path, whose errors say what is wrong.
enum CanonicalRecordReader {
    /// A record and where its `hash` member lies in the line.
    struct Reading {
        /// The record.
        var record: AuditRecord
        /// The bytes of `,"hash":"..."`: the line without them is the canonical JSON that was
        /// hashed.
        var hashMember: Range<Int>
    }

    /// Reads a whole line as a record.
    static func read(_ line: UnsafeBufferPointer<UInt8>) throws(NotCanonical) -> Reading {
        var s = CanonicalScanner(line)
        try s.expect(#"{"caller":"#)
        let caller = try readCaller(&s)
        try s.expect(#","checks":"#)
        let checks = try readChecks(&s)
        try s.expect(#","decision":"#)
        let decision = try enumeration(AuditDecision.self, &s)
        try s.expect(#","duration_ns":"#)
        let duration = try s.int()
        guard duration >= 0 else { throw NotCanonical() }
        var error: AuditCallError?
        if s.skip(#","error":{"kind":"#) {
            let kind = try s.string()
            try s.expect(#","message":"#)
            error = AuditCallError(kind: kind, message: try s.string())
            try s.expect(UInt8(ascii: "}"))
        }
        let hashStart = s.index
        try s.expect(#","hash":"#)
        let hash = try s.string()
        guard ChainHash.isValidHex(hash) else { throw NotCanonical() }
        let hashMember = hashStart..<s.index
        try s.expect(#","id":"#)
        let id = try s.string()
        guard AuditRecordID.isValid(id) else { throw NotCanonical() }
        try s.expect(#","node":"#)
        let node = try s.string()
        try s.expect(#","op":"#)
        let op = try s.string()
        try s.expect(#","policy_revision":"#)
        let revision = try s.string()
        try s.expect(#","prev":"#)
        let prev = try s.string()
        guard ChainHash.isValidHex(prev) else { throw NotCanonical() }
        try s.expect(#","seq":"#)
        let seq = try s.int()
        guard seq >= 1 else { throw NotCanonical() }
        try s.expect(#","target":"#)
        let target = try s.map(depth: 2)
        try s.expect(#","time":"#)
        let time = try readTime(&s)
        try s.expect(#","v":1}"#)
        guard s.atEnd else { throw NotCanonical() }
        let entry = AuditEntry(
            time: time, op: op, caller: caller, target: target, checks: checks, decision: decision, error: error,
            policyRevision: revision, durationNanoseconds: duration)
        let record = AuditRecord(entry: entry, id: id, seq: seq, node: node, prev: prev, hash: hash)
        return Reading(record: record, hashMember: hashMember)
    }

    private static func readCaller(_ s: inout CanonicalScanner) throws(NotCanonical) -> AuditCaller {
        try s.expect(#"{"actor":"#)
        var actor: Actor?
        if !s.skip("null") {
            try s.expect(#"{"id":"#)
            let id = try s.string()
            try s.expect(#","meta":"#)
            actor = Actor(id: id, meta: try s.map(depth: 4))
            try s.expect(UInt8(ascii: "}"))
        }
        try s.expect(#","context":"#)
        let context = try enumeration(AuditContext.self, &s)
        try s.expect(#","frame":"#)
        let frame = try s.stringOrNull()
        try s.expect(#","groups":"#)
        let groups = try s.strings()
        try s.expect(#","pid":"#)
        let pid = try s.stringOrNull()
        try s.expect(#","scope":"#)
        let scope = try s.strings()
        try s.expect(UInt8(ascii: "}"))
        return AuditCaller(pid: pid, frame: frame, actor: actor, scope: scope, groups: groups, context: context)
    }

    private static func readChecks(_ s: inout CanonicalScanner) throws(NotCanonical) -> [AuditCheck] {
        try s.expect(UInt8(ascii: "["))
        var checks: [AuditCheck] = []
        if s.skip(UInt8(ascii: "]")) { return checks }
        repeat {
            try s.expect(#"{"action":"#)
            let action = try s.string()
            try s.expect(#","decision":"#)
            let decision = try enumeration(AuditCheckDecision.self, &s)
            try s.expect(#","errors":"#)
            let errors = try s.strings()
            try s.expect(#","meta":"#)
            let meta = try s.map(depth: 4)
            try s.expect(#","policies":"#)
            let policies = try s.strings()
            try s.expect(#","resource":"#)
            let resource = try s.string()
            try s.expect(UInt8(ascii: "}"))
            checks.append(
                AuditCheck(action: action, resource: resource, decision: decision, policies: policies, errors: errors, meta: meta))
        } while s.skip(UInt8(ascii: ","))
        try s.expect(UInt8(ascii: "]"))
        return checks
    }

    private static func enumeration<E: RawRepresentable>(_ type: E.Type, _ s: inout CanonicalScanner) throws(NotCanonical) -> E
    where E.RawValue == String {
        guard let value = E(rawValue: try s.string()) else { throw NotCanonical() }
        return value
    }

    private static func readTime(_ s: inout CanonicalScanner) throws(NotCanonical) -> AuditTime {
        // The record form is 27 bytes of digits and `-:.TZ` between quotes, so no escapes: the
        // bytes are the string.
        try s.expect(UInt8(ascii: "\""))
        let start = s.index
        guard start + 27 < s.bytes.count, s.bytes[start + 27] == UInt8(ascii: "\""),
            let time = AuditTime(recordForm: UnsafeBufferPointer(rebasing: s.bytes[start..<(start + 27)]))
        else { throw NotCanonical() }
        s.index = start + 28
        return time
    }
}
