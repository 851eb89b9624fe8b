import ArgumentParser
import WardenAuditRecord
import WardenAuditReview

/// The record filters shared by `query`, `stats` and `tail`.
struct AuditFilterOptions: ParsableArguments {
    @Option(help: "Records at or after this time: RFC 3339 (2025-03-01T12:00:00Z) or an age (30m, 1h, 2d).")
    var since: String?

    @Option(help: "Records before this time: RFC 3339 or an age.")
    var until: String?

    @Option(help: "Actor id; `*` matches any run of characters.")
    var actor: String?

    @Option(help: "Action of a check, e.g. `process.spawn.*` (same `*` rules as policies).")
    var action: String?

    @Option(help: "Resource of a check, e.g. `{app:processes|*`.")
    var resource: String?

    @Option(help: "Policy id among a check's deciding policies (glob).")
    var policy: String?

    @Option(help: "Decision of the call: allow or deny.")
    var decision: String?

    @Option(help: "The call, e.g. `process.send` or `process.spawn*`.")
    var op: String?

    @Option(help: "The caller's PID, exactly.")
    var pid: String?

    @Option(help: "The node that wrote the record, exactly (e.g. gw-1).")
    var node: String?

    /// The filter these options describe, with ages counted back from `now`.
    func filter(now: AuditTime = .now()) throws(CommandFailure) -> AuditFilter {
        let text = AuditFilterText(
            since: since, until: until, actor: actor, action: action, resource: resource, policy: policy,
            decision: decision, op: op, pid: pid, node: node)
        do {
            return try text.filter(now: now)
        } catch {
            throw .invalid("invalid --\(error.field) `\(error.value)`: expected \(error.expected)")
        }
    }
}
