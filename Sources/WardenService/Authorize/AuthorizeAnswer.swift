import WardenAuditRecord
import WardenGateway
import WardenValue

/// The JSON answer of `POST /v1/authorize`.
///
/// `{"verdict": "allow|deny", "checks": [{"action", "resource", "decision", "policies", "errors"}],
/// "error": null | {"kind", "code", "message"}, "revision", "context": "complete|incomplete",
/// "record": {"written", "seq", "hash"}}`. `checks` are the record's checks (empty for a call
/// refused before authorization); `seq` and `hash` are `null` in `async` delivery mode.
enum AuthorizeAnswer {
    /// The answer to `verdict`; `revision` names the policies in force when nothing was recorded.
    /// Members are added in canonical order (keys sorted by their bytes), so the text is the
    /// canonical JSON of the answer without building and sorting maps for it.
    static func json(_ verdict: RemoteVerdict, revision: String) -> String {
        let record = verdict.record
        var object = JSONObject()
        object.add("checks", (record?.entry.checks ?? []).map(check))
        object.add("context", .string(record?.entry.caller.context.rawValue ?? AuditContext.complete.rawValue))
        if let error = verdict.error {
            var member = JSONObject()
            member.add("code", .string(error.code))
            member.add("kind", .string(error.kind.rawValue))
            member.add("message", .string(error.message))
            object.add("error", member)
        } else {
            object.add("error", .null)
        }
        var written = JSONObject()
        written.add("hash", record?.position.map { Value.string($0.hash) } ?? .null)
        written.add("seq", record?.position.map { Value.int($0.seq) } ?? .null)
        written.add("written", .bool(record?.written ?? false))
        object.add("record", written)
        object.add("revision", .string(record?.entry.policyRevision ?? revision))
        object.add("verdict", .string(verdict.isAllowed ? "allow" : "deny"))
        return object.text
    }

    private static func check(_ check: AuditCheck) -> JSONObject {
        var object = JSONObject()
        object.add("action", .string(check.action))
        object.add("decision", .string(check.decision.rawValue))
        object.add("errors", strings: check.errors)
        object.add("policies", strings: check.policies)
        object.add("resource", .string(check.resource))
        return object
    }
}
