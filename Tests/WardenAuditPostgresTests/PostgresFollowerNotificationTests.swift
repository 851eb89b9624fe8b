import Testing
import WardenAuditLog
import WardenAuditReview
import WardenPostgresTestSupport

@testable import WardenAuditPostgres

/// `tail -f` on PostgreSQL is woken by the store's notification (LISTEN/NOTIFY), not by its
/// safety poll: with the poll set an hour away, past the suite's time limit, a commit by another
/// writer still wakes the follower, and the next look finds exactly that record.
@Suite(needsPostgres, .timeLimit(.minutes(2))) struct PostgresFollowerNotificationTests {
    @Test func aCommitByAnotherWriterWakesTheFollower() async throws {
        let fixture = try StoreFixture(.postgres)
        try await fixture.write([SampleEntries.entry(0)], node: "gw-a")
        let store = try #require(fixture.store as? PostgresAuditStore)
        let follower = PostgresFollower(
            connection: try store.connectForReading(), filter: AuditFilter(), verifying: true,
            location: store.readLocation, safetyInterval: .seconds(3600))
        #expect(try follower.backlog(10).map(\.record.node) == ["gw-a"])

        try await fixture.write([SampleEntries.entry(1)], node: "gw-b")
        await follower.waitForNews(interval: .seconds(3600))
        #expect(try follower.poll().map(\.record.node) == ["gw-b"])
    }
}
