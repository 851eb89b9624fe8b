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
        out.append(contentsOf: #"{"caller":"#.utf8)
        Self.write(entry.caller, into: &out)
        out.append(contentsOf: #","checks":["#.utf8)
        for (i, check) in entry.checks.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.write(check, into: &out)
        }
        out.append(contentsOf: #"],"decision":"#.utf8)
        Value.writeJSONString(entry.decision.rawValue, into: &out)
        out.append(contentsOf: #","duration_ns":"#.utf8)
        Value.int(entry.durationNanoseconds).writeCanonicalJSON(into: &out)
        if let error = entry.error {
            out.append(contentsOf: #","error":{"kind":"#.utf8)
            Value.writeJSONString(error.kind, into: &out)
            out.append(contentsOf: #","message":"#.utf8)
            Value.writeJSONString(error.message, into: &out)
            out.append(UInt8(ascii: "}"))
        }
        middleStart = out.count
        out.append(contentsOf: #""node":"#.utf8)
        Value.writeJSONString(node, into: &out)
        out.append(contentsOf: #","op":"#.utf8)
        Value.writeJSONString(entry.op, into: &out)
        out.append(contentsOf: #","policy_revision":"#.utf8)
        Value.writeJSONString(entry.policyRevision, into: &out)
        tailStart = out.count
        out.append(contentsOf: #""target":"#.utf8)
        Value.map(entry.target).writeCanonicalJSON(into: &out)
        out.append(contentsOf: #","time":""#.utf8)
        entry.time.writeRFC3339(into: &out)
        out.append(contentsOf: #"","v":"#.utf8)
        Value.int(AuditRecord.version).writeCanonicalJSON(into: &out)
        out.append(UInt8(ascii: "}"))
        bytes = out
    }

    /// `{"actor":…,"context":…,"frame":…,"groups":[…],"pid":…,"scope":[…]}`, then
    /// `,"site":…` before the closing brace when the caller has a site.
    private static func write(_ caller: AuditCaller, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"actor":"#.utf8)
        if let actor = caller.actor {
            out.append(contentsOf: #"{"id":"#.utf8)
            Value.writeJSONString(actor.id, into: &out)
            out.append(contentsOf: #","meta":"#.utf8)
            Value.map(actor.meta).writeCanonicalJSON(into: &out)
            out.append(UInt8(ascii: "}"))
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: #","context":"#.utf8)
        Value.writeJSONString(caller.context.rawValue, into: &out)
        out.append(contentsOf: #","frame":"#.utf8)
        writeOptional(caller.frame, into: &out)
        out.append(contentsOf: #","groups":"#.utf8)
        writeStrings(caller.groups, into: &out)
        out.append(contentsOf: #","pid":"#.utf8)
        writeOptional(caller.pid, into: &out)
        out.append(contentsOf: #","scope":"#.utf8)
        writeStrings(caller.scope, into: &out)
        if let site = caller.site {
            out.append(contentsOf: #","site":"#.utf8)
            Value.writeJSONString(site, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `{"action":…,"decision":…,"errors":[…],"meta":{…},"policies":[…],"resource":…}`.
    private static func write(_ check: AuditCheck, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"action":"#.utf8)
        Value.writeJSONString(check.action, into: &out)
        out.append(contentsOf: #","decision":"#.utf8)
        Value.writeJSONString(check.decision.rawValue, into: &out)
        out.append(contentsOf: #","errors":"#.utf8)
        writeStrings(check.errors, into: &out)
        out.append(contentsOf: #","meta":"#.utf8)
        Value.map(check.meta).writeCanonicalJSON(into: &out)
        out.append(contentsOf: #","policies":"#.utf8)
        writeStrings(check.policies, into: &out)
        out.append(contentsOf: #","resource":"#.utf8)
        Value.writeJSONString(check.resource, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    private static func writeOptional(_ text: String?, into out: inout [UInt8]) {
        if let text { Value.writeJSONString(text, into: &out) } else { out.append(contentsOf: "null".utf8) }
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
