import Testing
import WardenValue

@testable import WardenAuditReview

@Suite struct AuditReaderTests {
    typealias F = ReviewFixture

    static let cases: [(String, AuditFilter, Int?, [Int])] = [
        ("everything", AuditFilter(), nil, [1, 2, 3, 4, 5, 6, 7, 8]),
        ("one actor", AuditFilter(actor: AuditGlob("user:alice")), nil, [1, 3, 7]),
        (
            "actor glob skips records without actor", AuditFilter(actor: AuditGlob("user:*")), nil,
            [1, 2, 3, 5, 6, 7, 8]
        ),
        ("action with .* suffix", AuditFilter(action: AuditGlob("process.spawn.*")), nil, [1, 4, 7]),
        ("action with leading *", AuditFilter(action: AuditGlob("*.send")), nil, [2, 3, 8]),
        ("resource glob", AuditFilter(resource: AuditGlob("{app:processes|*")), nil, [2, 3, 5, 8]),
        (
            "action and resource on one check",
            AuditFilter(action: AuditGlob("process.send"), resource: AuditGlob("*0x2}")), nil, [2, 3]
        ),
        ("decision", AuditFilter(decision: .deny), nil, [2, 4, 5]),
        ("op glob", AuditFilter(op: AuditGlob("process.spawn*")), nil, [1, 4, 7]),
        ("pid", AuditFilter(pid: F.p2), nil, [2, 5, 8]),
        ("policy glob", AuditFilter(policy: AuditGlob("app:no_*")), nil, [2, 5]),
        (
            "policy and action must hold on the same check",
            AuditFilter(action: AuditGlob("process.spawn"), policy: AuditGlob("app:hosts")), nil, []
        ),
        (
            "policy and action on the same check",
            AuditFilter(action: AuditGlob("process.host"), policy: AuditGlob("app:hosts")), nil, [1, 4, 7]
        ),
        ("time range, until exclusive", AuditFilter(since: F.time(3600), until: F.time(7300)), nil, [4, 5, 6]),
        ("several filters", AuditFilter(since: F.time(3600), actor: AuditGlob("user:bob"), decision: .deny), nil, [5]),
        (
            "actor with check filters",
            AuditFilter(
                actor: AuditGlob("user:alice"), action: AuditGlob("process.host"), policy: AuditGlob("app:hosts")), nil,
            [1, 7]
        ),
        ("pid with a policy", AuditFilter(policy: AuditGlob("app:no_*"), pid: F.p2), nil, [2, 5]),
        ("limit", AuditFilter(decision: .allow), 2, [1, 3]),
        ("nothing matches", AuditFilter(actor: AuditGlob("user:zed")), nil, []),
    ]

    @Test(arguments: cases)
    func filtersSelectTheExpectedRecordsFromFilesAndFromTheDatabase(
        name: String, filter: AuditFilter, limit: Int?, expected: [Int]
    ) async throws {
        let dir = try TemporaryDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        try await F.writeDatabase(dir.file("audit.db"))
        for reader in [AuditReader.files([dir.file("audit.jsonl")]), .database(dir.file("audit.db"))] {
            var seqs: [Int] = []
            try reader.forEach(matching: filter, limit: limit) { seqs.append($0.record.seq) }
            #expect(seqs == expected, "\(name) over \(reader.source)")
        }
    }

    @Test func readRecordsCarryTheirLineAndLocation() async throws {
        let dir = try TemporaryDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        let lines = try dir.lines("audit.jsonl")
        let cursor = try AuditReader.files([dir.file("audit.jsonl")]).records(
            matching: AuditFilter(actor: AuditGlob("user:carol")))
        let found = try #require(try cursor.next())
        #expect(found.record.seq == 6)
        #expect(found.line == lines[5])
        #expect(found.location.description == "\(dir.file("audit.jsonl")):6")
        #expect(found.record.entry == F.entries[5])
        #expect(try cursor.next()?.record.seq == nil)
    }

    @Test func aDamagedLineIsReportedWithItsLocation() async throws {
        let dir = try TemporaryDirectory()
        try await F.writeLog(dir.file("audit.jsonl"))
        var lines = try dir.lines("audit.jsonl")
        lines[2] = "{not json"
        try dir.write("audit.jsonl", Array(lines.map { $0 + "\n" }.joined().utf8))
        #expect {
            try AuditReader.files([dir.file("audit.jsonl")]).forEach { _ in }
        } throws: { error in
            guard let error = error as? AuditReadError else { return false }
            return error.kind == .chainBreak && error.location?.line == 3
                && error.message.contains("[audit-invalid-json]")
        }
        #expect {
            try AuditReader.files([dir.file("audit.jsonl")]).verifying(false).forEach { _ in }
        } throws: { error in
            guard let error = error as? AuditReadError else { return false }
            return error.kind == .invalidRecord && error.location?.line == 3
        }
    }

    @Test func aMissingDatabaseOrANonAuditDatabaseIsReported() async throws {
        let dir = try TemporaryDirectory()
        #expect { try AuditReader.database(dir.file("none.db")).records() } throws: {
            ($0 as? AuditReadError)?.kind == .unreadable
        }
        try dir.write("text.db", Array("not sqlite at all".utf8))
        #expect(throws: AuditReadError.self) { try AuditReader.database(dir.file("text.db")).records() }
    }
}
