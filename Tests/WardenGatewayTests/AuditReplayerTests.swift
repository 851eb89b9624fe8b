import Foundation
import Logging
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenGateway
import WardenPolicy
import WardenValue

/// Replaying recorded calls against a candidate policy set: which decisions flip, and why.
@Suite("audit replay against a candidate set", .timeLimit(.minutes(5)))
struct AuditReplayerTests {
    /// The candidate set: workers may be spawned except `v2`, sends are allowed, and only the
    /// `app:workers` host may be spawned on.
    static let candidate = """
        namespace: t
        entries:
          - name: allow_workers
            kind: security.policy
            policy: {actions: process.spawn, resources: "app.workers:*", effect: allow}
            groups: [all]
          - name: deny_v2
            kind: security.policy
            policy: {actions: process.spawn, resources: "app.workers:v2", effect: deny}
            groups: [all]
          - name: workers_host
            kind: security.policy
            policy: {actions: process.host, resources: "app:workers", effect: allow}
            groups: [all]
        """

    static func replayer(strict: Bool = true) throws -> AuditReplayer {
        AuditReplayer(policies: try PolicyLoader().load(yaml: candidate, file: "candidate.yaml").get(), strict: strict)
    }

    /// A recorded check and what was decided for it then.
    struct Recorded {
        var action: String
        var resource: String
        var decision: AuditCheckDecision
        var policies: [String] = []
    }

    /// A recorded call by `user:alice` with scope group `t:all`, decided `decision` then.
    static func entry(
        _ decision: AuditDecision, _ checks: [Recorded], actor: Actor? = Actor(id: "user:alice"),
        context: AuditContext = .complete
    ) -> AuditEntry {
        AuditEntry(
            time: AuditTime(microseconds: 1_700_000_000_000_000), op: "process.spawn",
            caller: AuditCaller(pid: "{app:processes|0x00000001}", actor: actor, groups: ["t:all"], context: context),
            checks: checks.map {
                AuditCheck(
                    action: $0.action, resource: $0.resource, decision: $0.decision, policies: $0.policies,
                    meta: ["op": "spawn"])
            },
            decision: decision, policyRevision: "rev-old", durationNanoseconds: 1)
    }

    static func record(_ entry: AuditEntry, seq: Int = 1) -> AuditRecord {
        AuditRecord(entry: entry, id: "id-\(seq)", seq: seq, node: "n", prev: "prev", hash: "hash")
    }

    static let spawnV2 = Recorded(
        action: "process.spawn", resource: "app.workers:v2", decision: .allow, policies: ["old:allow_all"])
    static let spawnHandler = Recorded(
        action: "process.spawn", resource: "app.workers:handler", decision: .deny, policies: ["old:deny_handler"])

    // MARK: one record

    @Test func anAllowedCallTheCandidateDeniesFlipsWithTheDenyingPolicy() throws {
        var replayer = try Self.replayer()
        let replayedResult = replayer.replay(Self.record(Self.entry(.allow, [Self.spawnV2])))
        let replayed = try #require(replayedResult)
        #expect(replayed.decision == .deny)
        #expect(replayed.checks.map(\.decision) == [.deny])
        #expect(replayed.checks.map(\.policies) == [["t:deny_v2"]])
    }

    @Test func aDeniedCallTheCandidateAllowsFlipsWithTheAllowingPolicy() throws {
        var replayer = try Self.replayer()
        let replayedResult = replayer.replay(Self.record(Self.entry(.deny, [Self.spawnHandler])))
        let replayed = try #require(replayedResult)
        #expect(replayed.decision == .allow)
        #expect(replayed.checks.map(\.policies) == [["t:allow_workers"]])
    }

    @Test func aCallIsAllowedOnlyWhenEveryCheckIsAllowed() throws {
        var replayer = try Self.replayer()
        let worker = Recorded(action: "process.spawn", resource: "app.workers:handler", decision: .allow)
        let goodHost = Recorded(action: "process.host", resource: "app:workers", decision: .allow)
        let otherHost = Recorded(action: "process.host", resource: "app:processes", decision: .allow)
        let allowedResult = replayer.replay(Self.record(Self.entry(.allow, [worker, goodHost])))
        let allowed = try #require(allowedResult)
        #expect(allowed.decision == .allow)
        #expect(allowed.checks.map(\.decision) == [.allow, .allow])
        // No candidate policy covers the second host: the check is undefined and the call denied.
        let deniedResult = replayer.replay(Self.record(Self.entry(.allow, [worker, otherHost])))
        let denied = try #require(deniedResult)
        #expect(denied.decision == .deny)
        #expect(denied.checks.map(\.decision) == [.allow, .undefined])
        #expect(denied.checks.map(\.resource) == ["app.workers:handler", "app:processes"])
    }

    @Test func aRecordWithoutChecksHasNothingToReplay() throws {
        var replayer = try Self.replayer()
        #expect(replayer.replay(Self.record(Self.entry(.deny, []))) == nil)
    }

    @Test(arguments: [true, false])
    func anIncompleteContextFollowsStrictMode(strict: Bool) throws {
        var replayer = try Self.replayer(strict: strict)
        let worker = Recorded(action: "process.spawn", resource: "app.workers:v2", decision: .deny)
        // The actor was recorded but the scope was missing; and a call without an actor.
        for actor in [Actor(id: "user:alice"), nil] {
            let replayedResult = replayer.replay(
                Self.record(Self.entry(.deny, [worker], actor: actor, context: .incomplete)))
            let replayed = try #require(replayedResult)
            #expect(replayed.decision == (strict ? .deny : .allow))
            #expect(replayed.checks.map(\.policies) == [[]])
        }
    }

    // MARK: a whole log

    @Test func aReplayReportsEveryFlipInBothDirectionsAndOnlyThose() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "warden-replay-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/audit.jsonl"
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let log = AuditLog(
            node: "n", sink: try JSONLFileSink(path: path, logger: logger), mode: .sync, failurePolicy: .failClosed,
            logger: logger)
        let handlerAllowed = Recorded(action: "process.spawn", resource: "app.workers:handler", decision: .allow)
        let v2Denied = Recorded(action: "process.spawn", resource: "app.workers:v2", decision: .deny)
        let otherHost = Recorded(action: "process.host", resource: "app:processes", decision: .allow)
        let entries = [
            Self.entry(.allow, [Self.spawnV2]),  // 1: allow -> deny
            Self.entry(.allow, [handlerAllowed]),  // 2: unchanged allow
            Self.entry(.deny, [Self.spawnHandler]),  // 3: deny -> allow
            Self.entry(.deny, [v2Denied]),  // 4: unchanged deny
            Self.entry(.deny, []),  // 5: no checks, skipped
            Self.entry(.allow, [handlerAllowed, otherHost]),  // 6: allow -> deny by its second check
        ]
        for entry in entries { try await log.record(entry) }
        await log.shutdown()

        var replayer = try Self.replayer()
        var changes: [ReplayChange] = []
        let cursor = try AuditReader.files([path]).records()
        let summary = try replayer.replay(
            records: { () throws(AuditReadError) in try cursor.next()?.record }, onChange: { changes.append($0) })
        #expect(summary.records == 6)
        #expect(summary.replayed == 5)
        #expect(summary.skipped == 1)
        #expect(summary.allowToDeny == 2)
        #expect(summary.denyToAllow == 1)
        #expect(changes.map(\.record.seq) == [1, 3, 6])
        #expect(changes.map(\.direction) == ["allow -> deny", "deny -> allow", "allow -> deny"])
        #expect(changes.map(\.oldPolicies) == [["old:allow_all"], ["old:deny_handler"], []])
        #expect(changes.map(\.newPolicies) == [["t:deny_v2"], ["t:allow_workers"], []])
        #expect(changes.last?.newChecks.map(\.decision) == [.allow, .undefined])
    }
}
