import ArgumentParser
import Foundation
import WardenAuditRecord
import WardenAuditReview
import WardenGateway
import WardenPolicy
import WardenValue

/// `warden audit replay`: what would change if a candidate policy set had been in force.
struct AuditReplayCommand: StreamCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract:
            "Re-evaluate every recorded call against a candidate policy set and report the decisions that change.",
        discussion: """
            Every check of every record is evaluated again with the recorded actor, scope (policy ids \
            and groups, resolved against the candidate set) and request attributes. Each call whose \
            decision flips (allow -> deny or deny -> allow) is printed with its old and new deciding \
            policies, then a summary. Records of calls that failed before authorization have no checks \
            and are skipped.

            The log is verified as it is read: on a break the changes found before it are printed, the break \
            goes to stderr and the exit code is 1 (no summary), unless --no-verify.

            Exit status: 0 nothing changes, 2 something changes, 1 the log cannot be read or does not verify, \
            3 invalid input (candidate policies that do not load, bad arguments).

            Example:
              warden audit replay --policies policies-next warden-demo-audit.jsonl
            """
    )

    /// The candidate policies: `--policies PATH`, repeated; default `policies/`.
    @OptionGroup var policies: PolicyOptions

    /// Strict mode of the replay (`--no-strict`: callers without an actor or a scope are allowed).
    @OptionGroup var strictness: StrictOption

    @Option(help: "Output format: text, or jsonl (one changed call per line, then a summary line).")
    var format: ReplayFormat = .text

    @OptionGroup var filters: AuditFilterOptions
    @OptionGroup var verification: AuditVerifyReadingOptions
    @OptionGroup var source: AuditSourceOptions

    enum ReplayFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    func run() async throws { try await runWithStandardStreams() }

    func execute(_ io: CommandIO) async throws(CommandFailure) -> WardenExitCode {
        let reader = verification.apply(to: try source.reader())
        let filter = try filters.filter()
        let candidate = try policies.load(io)
        var replayer = AuditReplayer(policies: candidate, strict: strictness.strict)
        let progress = ReplayProgress(enabled: io.outputIsTerminal && isatty(STDERR_FILENO) == 1)
        let output = BlockBufferedOutput(io.output)
        let summary: ReplaySummary
        do {
            let cursor = try reader.recordsReadAhead(matching: filter)
            summary = try replayer.replay(
                records: { () throws(AuditReadError) in try cursor.next()?.record },
                onChange: { change in output.write(format == .jsonl ? Self.json(change) + "\n" : Self.text(change)) },
                onProgress: progress.show)
        } catch {
            progress.finish()
            output.flush()
            throw .failed(error.description)
        }
        progress.finish()
        output.write(
            format == .jsonl
                ? Self.json(summary, revision: candidate.revision) + "\n"
                : Self.text(summary, revision: candidate.revision))
        output.flush()
        return summary.changed == 0 ? .success : .denied
    }

    static func text(_ change: ReplayChange) -> String {
        let record = change.record
        let target = record.checks.first.map { "\($0.resource)" } ?? ""
        var lines = [
            "seq \(record.seq)  \(record.time)  \(record.caller.actor?.id ?? "(no actor)")  \(record.op) \(target)",
            "  \(change.direction)",
            "  was: \(describe(record.decision, change.oldPolicies))",
            "  now: \(describe(change.newDecision, change.newPolicies))",
        ]
        if change.newDecision == .deny, let denied = change.newChecks.first(where: { $0.decision != .allow }) {
            lines.append("  first denied check: \(denied.action) on \(denied.resource) (\(denied.decision.rawValue))")
            for error in denied.errors { lines.append("  error: \(error)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func describe(_ decision: AuditDecision, _ policies: [String]) -> String {
        let by = policies.isEmpty ? (decision == .deny ? "no policy allows it" : "-") : policies.joined(separator: ", ")
        return "\(decision.rawValue) by \(by)"
    }

    static func text(_ summary: ReplaySummary, revision: String) -> String {
        """
        \(summary.records) records read, \(summary.replayed) replayed against revision \(revision.prefix(12)), \
        \(summary.skipped) without checks skipped
        \(DiagnosticRendering.count(summary.changed, "decision")) \(summary.changed == 1 ? "changes" : "change"): \(summary.allowToDeny) allow -> deny, \(summary.denyToAllow) deny -> allow

        """
    }

    /// One changed call: `{"seq", "id", "time", "op", "actor", "old", "new", "old_policies",
    /// "new_policies", "checks": [{"action", "resource", "decision", "policies"}]}`, in this order.
    static func json(_ change: ReplayChange) -> String {
        let record = change.record
        var object = JSONObject()
        object.add("seq", .int(record.seq))
        object.add("id", .string(record.id))
        object.add("time", .string(record.time.description))
        object.add("op", .string(record.op))
        object.add("actor", record.caller.actor.map { .string($0.id) } ?? .null)
        object.add("old", .string(record.decision.rawValue))
        object.add("new", .string(change.newDecision.rawValue))
        object.add("old_policies", strings: change.oldPolicies)
        object.add("new_policies", strings: change.newPolicies)
        object.add(
            "checks",
            change.newChecks.map { check in
                var entry = JSONObject()
                entry.add("action", .string(check.action))
                entry.add("resource", .string(check.resource))
                entry.add("decision", .string(check.decision.rawValue))
                entry.add("policies", strings: check.policies)
                return entry
            })
        return object.text
    }

    /// The closing line: `{"summary": {"records", "replayed", "skipped", "allow_to_deny",
    /// "deny_to_allow", "revision"}}`, in this order.
    static func json(_ summary: ReplaySummary, revision: String) -> String {
        var counts = JSONObject()
        counts.add("records", .int(summary.records))
        counts.add("replayed", .int(summary.replayed))
        counts.add("skipped", .int(summary.skipped))
        counts.add("allow_to_deny", .int(summary.allowToDeny))
        counts.add("deny_to_allow", .int(summary.denyToAllow))
        counts.add("revision", .string(revision))
        var object = JSONObject()
        object.add("summary", counts)
        return object.text
    }
}

/// A one-line progress display on standard error while a long log replays (terminals only).
final class ReplayProgress: Sendable {
    let enabled: Bool
    private let started = ContinuousClock.now

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ summary: ReplaySummary) {
        guard enabled else { return }
        let seconds = max(
            0.001,
            Double((ContinuousClock.now - started).components.seconds)
                + Double((ContinuousClock.now - started).components.attoseconds) / 1e18)
        let rate = Int(Double(summary.records) / seconds)
        FileHandle.standardError.write(
            Data("\r  replaying: \(summary.records) records, \(summary.changed) changes, \(rate) records/s".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
