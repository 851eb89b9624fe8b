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
    static func json(_ verdict: RemoteVerdict, revision: String) -> String {
        let record = verdict.record
        var object: [String: Value] = [
            "verdict": .string(verdict.isAllowed ? "allow" : "deny"),
            "checks": .list((record?.entry.checks ?? []).map(check)),
            "revision": .string(record?.entry.policyRevision ?? revision),
            "context": .string(record?.entry.caller.context.rawValue ?? AuditContext.complete.rawValue),
            "error": .null,
            "record": .map([
                "written": .bool(record?.written ?? false),
                "seq": record?.position.map { Value.int($0.seq) } ?? Value.null,
                "hash": record?.position.map { Value.string($0.hash) } ?? Value.null,
            ]),
        ]
        if let error = verdict.error {
            object["error"] = .map([
                "kind": .string(error.kind.rawValue), "code": .string(error.code), "message": .string(error.message),
            ])
        }
        return Value.map(object).canonicalJSON
    }

    private static func check(_ check: AuditCheck) -> Value {
        .map([
            "action": .string(check.action),
            "resource": .string(check.resource),
            "decision": .string(check.decision.rawValue),
            "policies": .list(check.policies.map(Value.string)),
            "errors": .list(check.errors.map(Value.string)),
        ])
    }
}
