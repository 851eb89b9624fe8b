import Foundation
import Testing
import WardenAuditLog
import WardenAuditPostgres
import WardenPostgresTestSupport
import WardenValue

@testable import WardenCLI

/// `tail -f --db postgres://...` prints what another writer commits after the backlog (that it is
/// woken by the store's notification rather than its poll is PostgresFollowerNotificationTests').
@Suite("warden audit tail -f on a PostgreSQL store", needsPostgres, .timeLimit(.minutes(2)))
struct PostgresTailFollowTests {
    typealias F = AuditCLIFixture

    @Test("a record committed by another writer is printed after the backlog")
    func anotherWritersRecordIsPrinted() async throws {
        let url = try PostgresTestServer.freshDatabase()
        let first = AuditLog(
            node: "gw-a", sink: try PostgresAuditSink(url: url, node: "gw-a", logger: F.quiet), mode: .sync,
            failurePolicy: .failClosed,
            logger: F.quiet)
        try await first.record(F.entries[0])
        await first.shutdown()

        let io = CapturedIO()
        let tail = Task {
            try await runAudit(
                [
                    "tail", "-f", "--db", PostgresTestServer.commandLine(url), "-n", "1", "--count", "2", "--format",
                    "jsonl",
                ], io: io)
        }
        // The backlog is read after the follower listens: once it is printed, any commit is noticed.
        let deadline = ContinuousClock.now + .seconds(30)
        while io.capturedOut.split(separator: "\n").count < 1 {
            guard ContinuousClock.now < deadline else {
                Issue.record("the backlog was not printed: \(io.capturedErr)")
                return
            }
            try await Task.sleep(for: .milliseconds(5))
        }

        let other = AuditLog(
            node: "gw-b", sink: try PostgresAuditSink(url: url, node: "gw-b", logger: F.quiet), mode: .durable,
            failurePolicy: .failClosed,
            logger: F.quiet)
        try await other.record(F.entries[1])
        await other.shutdown()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(20))
            tail.cancel()
        }
        let result = try await tail.value
        watchdog.cancel()

        #expect(result.code == 0, "\(result.err)")
        let nodes = try result.out.split(separator: "\n").map { try #require(Value(json: String($0))["node"]) }
        #expect(nodes == [.string("gw-a"), .string("gw-b")])
    }
}
