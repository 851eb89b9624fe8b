import PostgresNIO
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenPostgresTestSupport

@testable import WardenAuditPostgres

@Suite(needsPostgres, .timeLimit(.minutes(5))) struct PostgresAuditSinkTests {
    @Test(arguments: DeliveryMode.allCases)
    func everyDeliveryModeWritesAChainThatVerifies(mode: DeliveryMode) async throws {
        let fixture = try StoreFixture(.postgres)
        try await fixture.write(SampleEntries.entries(300), node: "gw-1", mode: mode)
        let chains = try fixture.store.verify(options: AuditVerifyOptions())
        #expect(chains.map(\.node) == ["gw-1"])
        #expect(chains.first?.verification.records == 300)
        #expect(chains.first?.verification.head.seq == 300)
    }

    @Test func eachNodeKeepsItsOwnChainAndReopeningContinuesIt() async throws {
        let fixture = try StoreFixture(.postgres)
        try await fixture.write(SampleEntries.entries(5), node: "gw-1")
        try await fixture.write(SampleEntries.entries(3), node: "gw-2")
        let reopened = try #require(try fixture.sink(node: "gw-1") as? PostgresAuditSink)
        #expect(reopened.chainHead.seq == 5)
        #expect(reopened.lastRecordID != nil)
        try await fixture.write([SampleEntries.entry(9)], node: "gw-1")
        let chains = try fixture.store.verify(options: AuditVerifyOptions())
        #expect(chains.map(\.node) == ["gw-1", "gw-2"])
        #expect(chains.map(\.verification.records) == [6, 3])
        #expect(chains.map(\.verification.firstSeq) == [1, 1])
    }

    @Test func theStoredLinesAreTheSealedLines() async throws {
        let fixture = try StoreFixture(.postgres)
        let url = try #require(fixture.url)
        let collected = CollectingSink()
        let sink = try MultiplexAuditSink([try fixture.sink(node: "gw-1"), collected])
        let log = AuditLog(node: "gw-1", sink: sink, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        for entry in SampleEntries.entries(20) { try await log.record(entry) }
        await log.shutdown()
        let connection = try PostgresBlockingConnection.connect(url)
        defer { connection.close() }
        let lines = try connection.query("SELECT line FROM audit_records ORDER BY seq").map {
            try $0.decode(String.self)
        }
        #expect(lines == collected.lines)
        let checks = try connection.query("SELECT COUNT(*) FROM audit_checks").first.map { try $0.decode(Int.self) }
        #expect(checks == 20)
    }

    @Test func aSecondWriterWithTheSameNodeFailsClosed() async throws {
        let fixture = try StoreFixture(.postgres)
        let first = AuditLog(
            node: "gw-1", sink: try fixture.sink(node: "gw-1"), mode: .durable, failurePolicy: .failClosed,
            logger: quietLogger)
        let second = AuditLog(
            node: "gw-1", sink: try fixture.sink(node: "gw-1"), mode: .durable, failurePolicy: .failClosed,
            logger: quietLogger)
        try await first.record(SampleEntries.entry(0))
        await #expect(throws: AuditError.self) { try await second.record(SampleEntries.entry(1)) }
        await first.shutdown()
        await second.shutdown()
        let chains = try fixture.store.verify(options: AuditVerifyOptions())
        #expect(chains.first?.verification.records == 1)
    }

    @Test func anUnreachableServerFailsTheOpenWithTheURL() {
        #expect {
            _ = try PostgresAuditSink(
                url: try PostgresAuditURL("postgres://warden@127.0.0.1:1/audit", environment: [:]), node: "gw-1",
                connectTimeout: .seconds(2), logger: quietLogger)
        } throws: { error in
            guard let error = error as? AuditError else { return false }
            return error.kind == .openFailed && error.message.contains("postgres://warden@127.0.0.1:1/audit")
        }
    }
}

/// Keeps the lines written, for comparing with the store.
final class CollectingSink: AuditSink, @unchecked Sendable {
    // `@unchecked Sendable`: the audit writer calls a sink from one thread; tests read after shutdown.
    private(set) var lines: [String] = []
    private var head = AuditChainHead.genesis
    var chainHead: AuditChainHead { head }
    func write(_ batch: [SealedRecord]) throws(AuditError) {
        lines += batch.map(\.line)
        if let last = batch.last { head = AuditChainHead(seq: last.record.seq, hash: last.record.hash) }
    }
    func sync() throws(AuditError) {}
    func close() throws(AuditError) {}
}
