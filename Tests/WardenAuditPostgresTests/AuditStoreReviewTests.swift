import Foundation
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenGlob
import WardenPostgresTestSupport

@testable import WardenAuditPostgres

/// One set of review tests run against both stores: SQLite and PostgreSQL answer the same
/// questions the same way.
@Suite(needsPostgres, .timeLimit(.minutes(5))) struct AuditStoreReviewTests {
    /// The entries every test writes, and the records they became (read back from a JSON Lines
    /// copy, the reference the stores are compared with).
    private func written(_ fixture: StoreFixture, count: Int = 40) async throws -> [AuditRecord] {
        let file = try JSONLFileSink(path: fixture.file("copy.jsonl"), logger: quietLogger)
        let sink = try MultiplexAuditSink([try fixture.sink(node: "gw-1"), file])
        let log = AuditLog(node: "gw-1", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
        for entry in SampleEntries.entries(count) { try await log.record(entry) }
        await log.shutdown()
        var records: [AuditRecord] = []
        try AuditReader.files([fixture.file("copy.jsonl")]).forEach { records.append($0.record) }
        return records
    }

    private static let filters: [AuditFilter] = [
        AuditFilter(),
        AuditFilter(actor: AuditGlob("user:*")),
        AuditFilter(action: AuditGlob("process.send")),
        AuditFilter(resource: AuditGlob("app.workers:w1")),
        AuditFilter(policy: AuditGlob("app:p2")),
        AuditFilter(decision: .deny),
        AuditFilter(op: AuditGlob("process.*")),
        AuditFilter(pid: "{app:processes|0x3}"),
        AuditFilter(decision: .deny, node: "gw-1"),
        AuditFilter(
            since: AuditTime(microseconds: 1_700_000_010_000_000),
            until: AuditTime(microseconds: 1_700_000_020_000_000),
            actor: AuditGlob("tenant:acme")),
        AuditFilter(action: AuditGlob("process.spawn"), policy: AuditGlob("app:p0")),
    ]

    @Test(arguments: StoreKind.allCases)
    func queryReturnsExactlyTheMatchingRecordsInOrder(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let records = try await written(fixture)
        for filter in Self.filters {
            let expected = records.filter(filter.matches).map(\.seq)
            var found: [Int] = []
            let cursor = try fixture.store.records(matching: filter, limit: nil, verifying: true)
            while let read = try cursor.next() { found.append(read.record.seq) }
            #expect(found == expected, "\(filter)")
            #expect(!expected.isEmpty, "the filter selects something: \(filter)")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aNodeThatWroteNothingSelectsNothing(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let records = try await written(fixture)
        #expect(!records.isEmpty)
        let cursor = try fixture.store.records(matching: AuditFilter(node: "gw-2"), limit: nil, verifying: true)
        #expect(try cursor.next() == nil)
    }

    @Test func theNodeFilterSelectsOneNodesChainInASharedStore() async throws {
        let fixture = try StoreFixture(.postgres)
        try await fixture.write(SampleEntries.entries(6), node: "gw-1")
        try await fixture.write(SampleEntries.entries(4), node: "gw-2")
        for (node, count) in [("gw-1", 6), ("gw-2", 4)] {
            let cursor = try fixture.store.records(matching: AuditFilter(node: node), limit: nil, verifying: true)
            var found: [String] = []
            while let read = try cursor.next() { found.append(read.record.node) }
            #expect(found == Array(repeating: node, count: count))
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aLimitCutsTheFirstRecords(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let records = try await written(fixture)
        let cursor = try fixture.store.records(matching: AuditFilter(decision: .allow), limit: 4, verifying: true)
        var found: [Int] = []
        while let read = try cursor.next() { found.append(read.record.seq) }
        #expect(found == Array(records.filter { $0.decision == .allow }.map(\.seq).prefix(4)))
    }

    @Test(arguments: StoreKind.allCases)
    func statsAgreeWithStatsOverTheFile(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        _ = try await written(fixture)
        let options = AuditStatsOptions(top: 3, bucketMicroseconds: 10_000_000)
        for filter in [AuditFilter(), AuditFilter(decision: .deny), AuditFilter(actor: AuditGlob("user:*"))] {
            let reference = try AuditReader.files([fixture.file("copy.jsonl")]).stats(
                matching: filter, options: options)
            let stats = try fixture.store.stats(matching: filter, options: options, verifying: true)
            #expect(stats == reference, "\(filter)")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func verifyReportsTheChainAndItsHead(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let records = try await written(fixture)
        let chains = try fixture.store.verify(options: AuditVerifyOptions(expectedHeads: [records[20].hash]))
        #expect(chains.count == 1)
        #expect(chains.first?.verification.records == 40)
        #expect(chains.first?.verification.head.hash == records.last?.hash)
    }

    @Test(arguments: StoreKind.allCases)
    func aHeadThatIsNotThereFailsVerification(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        _ = try await written(fixture)
        #expect {
            _ = try fixture.store.verify(
                options: AuditVerifyOptions(expectedHeads: [String(repeating: "ab", count: 32)]))
        } throws: { ($0 as? AuditChainBreak)?.kind == .expectedHeadMissing }
    }

    @Test(arguments: StoreKind.allCases)
    func importLoadsFilesThatVerifyAndSkipsWhatIsThere(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let source = try StoreFixture(.sqlite)  // only its scratch folder is used
        let path = source.file("import.jsonl")
        let log = AuditLog(
            node: "gw-9", sink: try JSONLFileSink(path: path, logger: quietLogger), mode: .sync,
            failurePolicy: .failClosed, logger: quietLogger)
        for entry in SampleEntries.entries(25) { try await log.record(entry) }
        await log.shutdown()
        let first = try await fixture.store.importFiles([path], continued: false)
        #expect(first.imported == 25)
        #expect(first.skipped == 0)
        if let url = fixture.url {
            // The import left the planner statistics of what it loaded (a query right after a
            // bulk load otherwise plans for a handful of rows).
            let connection = try PostgresBlockingConnection.connect(url)
            defer { connection.close() }
            // (`reltuples` is -1 until a table is first analyzed or vacuumed.)
            let estimates = try connection.query(
                """
                SELECT relname::text, reltuples::int8 FROM pg_class
                WHERE relname IN ('audit_records', 'audit_checks', 'audit_check_policies') ORDER BY relname
                """
            ).map { try $0.decode((String, Int).self) }
            #expect(estimates.map(\.0) == ["audit_check_policies", "audit_checks", "audit_records"])
            #expect(estimates.allSatisfy { $0.1 >= 0 }, "\(estimates)")
            #expect(estimates.last?.1 == 25)
        }
        let again = try await fixture.store.importFiles([path], continued: false)
        #expect(again.imported == 0)
        #expect(again.skipped == 25)
        let chains = try fixture.store.verify(options: AuditVerifyOptions())
        #expect(chains.map(\.verification.records) == [25])
        #expect(chains.first?.verification.head == first.head)
    }

    @Test(arguments: StoreKind.allCases)
    func importStopsAtABreakKeepingTheVerifiedPrefix(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        let path = fixture.file("broken.jsonl")
        let log = AuditLog(
            node: "gw-9", sink: try JSONLFileSink(path: path, logger: quietLogger), mode: .sync,
            failurePolicy: .failClosed, logger: quietLogger)
        for entry in SampleEntries.entries(30) { try await log.record(entry) }
        await log.shutdown()
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: true)
        lines.remove(at: 20)  // seq 21 removed: a gap
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        await #expect {
            _ = try await fixture.store.importFiles([path], continued: false)
        } throws: { error in
            guard case .chainBreak(let found, _) = error as? AuditImportError else { return false }
            return found.kind == .sequenceGap && found.seq == 22
        }
        let chains = try fixture.store.verify(options: AuditVerifyOptions())
        #expect(chains.first?.verification.head.seq == 20)
    }

    @Test(arguments: StoreKind.allCases)
    func followingReturnsTheBacklogThenOnlyNewRecords(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        try await fixture.write(SampleEntries.entries(10))
        let follower = try fixture.store.follow(filter: AuditFilter(decision: .allow), verifying: true)
        let backlog = try follower.backlog(3)
        let allowedSoFar = SampleEntries.entries(10).enumerated().filter { $0.element.decision == .allow }.map {
            $0.offset + 1
        }
        #expect(backlog.map(\.record.seq) == Array(allowedSoFar.suffix(3)))
        #expect(try follower.poll().isEmpty)
        let more = (10..<16).map { SampleEntries.entry($0) }
        try await fixture.write(more)
        let polled = try follower.poll().map(\.record.seq)
        let expected = more.enumerated().filter { $0.element.decision == .allow }.map { $0.offset + 11 }
        #expect(polled == expected)
        #expect(try follower.poll().isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func anEditedLineIsABreakForVerifyAndForReading(kind: StoreKind) async throws {
        let fixture = try StoreFixture(kind)
        _ = try await written(fixture, count: 10)
        try StoreTampering.replaceInLine(fixture, seq: 4, "user:", with: "user:x")
        #expect {
            _ = try fixture.store.verify(options: AuditVerifyOptions())
        } throws: { ($0 as? AuditChainBreak)?.seq == 4 }
        #expect {
            let cursor = try fixture.store.records(matching: AuditFilter(), limit: nil, verifying: true)
            while try cursor.next() != nil {}
        } throws: { ($0 as? AuditReadError)?.kind == .chainBreak }
    }
}
