import WardenValue

/// The canonical JSON fragments of an entry that do not depend on the chain, in one buffer:
/// `{"caller":…,"checks":…,"decision":…,"duration_ns":…` and `,"error":…` when present; then
/// `"node":…,"op":…,"policy_revision":…`; then `"target":…,"time":…,"v":1}`. The sealer adds
/// `hash`, `id`, `prev` and `seq` between them.
///
/// Canonical JSON sorts keys, and the top-level keys of a record sort as
/// `caller checks decision duration_ns error | hash | id | node op policy_revision | prev seq |
/// target time v`. The fixed-shape objects (caller, checks, error) are written with their keys
/// in sorted order directly, and every free-form map (actor meta, check meta, target) by
/// `Value.writeCanonicalJSON`; this skips building and sorting a dictionary per object. Tests
/// check the assembled line equals the canonical JSON of the record's `Value` map for varied
/// records.
struct EntryFields: Sendable {
    /// The three fragments, one after the other.
    package let bytes: [UInt8]
    /// Where the `node` fragment starts.
    let middleStart: Int
    /// Where the `target` fragment starts.
    let tailStart: Int

    /// Encodes `entry` for a log named `node`.
    init(entry: AuditEntry, node: String) {
        var out: [UInt8] = []
        out.reserveCapacity(1536)
        out.append(literal: #"{"caller":"#)
        Self.write(entry.caller, into: &out)
        out.append(literal: #","checks":["#)
        for (i, check) in entry.checks.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.write(check, into: &out)
        }
        out.append(literal: #"],"decision":"#)
        Value.writeJSONString(entry.decision.rawValue, into: &out)
        out.append(literal: #","duration_ns":"#)
        Value.int(entry.durationNanoseconds).writeCanonicalJSON(into: &out)
        if let error = entry.error {
            out.append(literal: #","error":{"kind":"#)
            Value.writeJSONString(error.kind, into: &out)
            out.append(literal: #","message":"#)
            Value.writeJSONString(error.message, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        middleStart = out.count
        out.append(literal: #""node":"#)
        Value.writeJSONString(node, into: &out)
        out.append(literal: #","op":"#)
        Value.writeJSONString(entry.op, into: &out)
        out.append(literal: #","policy_revision":"#)
        Value.writeJSONString(entry.policyRevision, into: &out)
        tailStart = out.count
        out.append(literal: #""target":"#)
        Value.map(entry.target).writeCanonicalJSON(into: &out)
        out.append(literal: #","time":""#)
        entry.time.writeRFC3339(into: &out)
        out.append(literal: #"","v":"#)
        Value.int(AuditRecord.version).writeCanonicalJSON(into: &out)
        out.append(UInt8(ascii: "}"))
        bytes = out
    }

    /// `{"actor":…,"context":…,"frame":…,"groups":[…],"pid":…,"scope":[…]}`, then
    /// `,"site":…` before the closing brace when the caller has a site.
    private static func write(_ caller: AuditCaller, into out: inout [UInt8]) {
        out.append(literal: #"{"actor":"#)
        if let actor = caller.actor {
            out.append(literal: #"{"id":"#)
            Value.writeJSONString(actor.id, into: &out)
            out.append(literal: #","meta":"#)
            Value.map(actor.meta).writeCanonicalJSON(into: &out)
            out.append(UInt8(ascii: "}"))
        } else {
            out.append(literal: "null")
        }
        out.append(literal: #","context":"#)
        Value.writeJSONString(caller.context.rawValue, into: &out)
        out.append(literal: #","frame":"#)
        writeOptional(caller.frame, into: &out)
        out.append(literal: #","groups":"#)
        writeStrings(caller.groups, into: &out)
        out.append(literal: #","pid":"#)
        writeOptional(caller.pid, into: &out)
        out.append(literal: #","scope":"#)
        writeStrings(caller.scope, into: &out)
        if let site = caller.site {
            out.append(literal: #","site":"#)
            Value.writeJSONString(site, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `{"action":…,"decision":…,"errors":[…],"meta":{…},"policies":[…],"resource":…}`.
    private static func write(_ check: AuditCheck, into out: inout [UInt8]) {
        out.append(literal: #"{"action":"#)
        Value.writeJSONString(check.action, into: &out)
        out.append(literal: #","decision":"#)
        Value.writeJSONString(check.decision.rawValue, into: &out)
        out.append(literal: #","errors":"#)
        writeStrings(check.errors, into: &out)
        out.append(literal: #","meta":"#)
        Value.map(check.meta).writeCanonicalJSON(into: &out)
        out.append(literal: #","policies":"#)
        writeStrings(check.policies, into: &out)
        out.append(literal: #","resource":"#)
        Value.writeJSONString(check.resource, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func writeOptional(_ text: String?, into out: inout [UInt8]) {
        if let text { Value.writeJSONString(text, into: &out) } else { out.append(literal: "null") }
    }

    private static func writeStrings(_ list: [String], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, text) in list.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Value.writeJSONString(text, into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }
}
