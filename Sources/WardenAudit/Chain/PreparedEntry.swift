import WardenValue

/// An entry encoded ahead of sealing: the canonical JSON fragments that do not depend on the
/// chain, so callers do the encoding work in parallel and the writer only adds `id`, `prev`,
/// `seq` and `hash`.
///
/// Canonical JSON sorts keys, and the top-level keys of a record sort as
/// `caller checks decision duration_ns error | hash | id | node op policy_revision | prev seq |
/// target time v`. The fragments are the runs between the chain fields, each value written by
/// `Value.canonicalJSON`; tests check the assembled line equals the canonical JSON of the
/// record's `Value` map.
struct PreparedEntry: Sendable {
    /// The entry.
    let entry: AuditEntry
    /// `{"caller":…,"checks":…,"decision":…,"duration_ns":…` and `,"error":…` when present.
    let head: String
    /// `"node":…,"op":…,"policy_revision":…`.
    let middle: String
    /// `"target":…,"time":…,"v":1}`.
    let tail: String

    /// Encodes `entry` for a log named `node`.
    init(entry: AuditEntry, node: String) {
        self.entry = entry
        var head = "{"
        Self.field("caller", entry.caller.value, first: true, into: &head)
        Self.field("checks", .list(entry.checks.map(\.value)), into: &head)
        Self.field("decision", .string(entry.decision.rawValue), into: &head)
        Self.field("duration_ns", .int(entry.durationNanoseconds), into: &head)
        if let error = entry.error { Self.field("error", error.value, into: &head) }
        var middle = ""
        Self.field("node", .string(node), first: true, into: &middle)
        Self.field("op", .string(entry.op), into: &middle)
        Self.field("policy_revision", .string(entry.policyRevision), into: &middle)
        var tail = ""
        Self.field("target", .map(entry.target), first: true, into: &tail)
        Self.field("time", .string(entry.time.rfc3339), into: &tail)
        Self.field("v", .int(AuditRecord.version), into: &tail)
        tail += "}"
        self.head = head
        self.middle = middle
        self.tail = tail
    }

    private static func field(_ key: String, _ value: Value, first: Bool = false, into out: inout String) {
        if !first { out += "," }
        Value.writeJSONString(key, into: &out)
        out += ":"
        value.writeCanonicalJSON(into: &out)
    }
}
