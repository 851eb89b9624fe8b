import ArgumentParser
import Foundation
import WardenAuditRecord
import WardenAuditReview
import WardenGateway
import WardenPolicy
import WardenValue

/// `warden audit replay`: what would change if a candidate policy set had been in force.
struct AuditReplayCommand: AuditSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-evaluate every recorded call against a candidate policy set and report the decisions that change.",
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

    @Option(
        name: .customLong("policies"), parsing: .singleValue,
        help: ArgumentHelp("A candidate policy file or directory; repeat for more.", valueName: "path"))
    var policyPaths: [String] = []

    @Flag(help: "Replay with strict mode off (callers without an actor or a scope are allowed).")
    var noStrict = false

    @Option(help: "Output format: text, or jsonl (one changed call per line, then a summary line).")
    var format: ReplayFormat = .text

    @OptionGroup var filters: AuditFilterOptions
    @OptionGroup var verification: AuditVerifyReadingOptions
    @OptionGroup var source: AuditSourceOptions

    enum ReplayFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    func run() async throws { try await runStandard() }

    func execute(_ io: AuditIO) async throws(AuditCLIError) -> Int32 {
        guard !policyPaths.isEmpty else { throw .invalid("missing --policies: name the candidate policy files or directories") }
        let loaded = PolicyLoader().load(paths: policyPaths)
        guard let candidate = loaded.policySet else {
            throw .invalid(
                "the candidate policies do not load:\n" + loaded.errors.map(\.description).joined(separator: "\n"))
        }
        let reader = verification.apply(to: try source.reader())
        let filter = try filters.filter()
        var replayer = AuditReplayer(policies: candidate, strict: !noStrict)
        let progress = ReplayProgress(enabled: io.isTerminal && isatty(STDERR_FILENO) == 1)
        let summary: ReplaySummary
        do {
            let cursor = try reader.recordsReadAhead(matching: filter)
            summary = try replayer.replay(
                records: { () throws(AuditReadError) in try cursor.next()?.record },
                onChange: { change in io.out(format == .jsonl ? Self.json(change) + "\n" : Self.text(change)) },
                onProgress: progress.show)
        } catch {
            progress.finish()
            throw .failed(error.description)
        }
        progress.finish()
        io.out(format == .jsonl ? Self.json(summary, revision: candidate.revision) + "\n" : Self.text(summary, revision: candidate.revision))
        return summary.changed == 0 ? 0 : 2
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

    static func json(_ change: ReplayChange) -> String {
        let record = change.record
        return Value.map([
            "seq": .int(record.seq), "id": .string(record.id), "time": .string(record.time.description),
            "op": .string(record.op), "actor": record.caller.actor.map { .string($0.id) } ?? .null,
            "old": .string(record.decision.rawValue), "new": .string(change.newDecision.rawValue),
            "old_policies": .list(change.oldPolicies.map(Value.string)),
            "new_policies": .list(change.newPolicies.map(Value.string)),
            "checks": .list(
                change.newChecks.map {
                    .map([
                        "action": .string($0.action), "resource": .string($0.resource),
                        "decision": .string($0.decision.rawValue), "policies": .list($0.policies.map(Value.string)),
                    ])
                }),
        ]).canonicalJSON
    }

    static func json(_ summary: ReplaySummary, revision: String) -> String {
        Value.map([
            "summary": .map([
                "records": .int(summary.records), "replayed": .int(summary.replayed), "skipped": .int(summary.skipped),
                "allow_to_deny": .int(summary.allowToDeny), "deny_to_allow": .int(summary.denyToAllow),
                "revision": .string(revision),
            ])
        ]).canonicalJSON
    }
}

/// A one-line progress display on standard error while a long log replays (terminals only).
final class ReplayProgress: Sendable {
    let enabled: Bool
    private let started = ContinuousClock.now

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ summary: ReplaySummary) {
        guard enabled else { return }
        let seconds = max(0.001, Double((ContinuousClock.now - started).components.seconds)
            + Double((ContinuousClock.now - started).components.attoseconds) / 1e18)
        let rate = Int(Double(summary.records) / seconds)
        FileHandle.standardError.write(
            Data("\r  replaying: \(summary.records) records, \(summary.changed) changes, \(rate) records/s".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
