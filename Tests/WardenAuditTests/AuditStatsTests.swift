import Testing

@testable import WardenAuditReview

@Suite struct AuditStatsTests {
    typealias F = ReviewFixture
    typealias C = AuditStats.Count

    /// The fixture's statistics, counted by hand from the table in ``ReviewFixture``.
    static let expected: AuditStats = {
        var s = AuditStats()
        s.records = 8
        s.allowed = 5  // seq 1, 3, 6, 7, 8
        s.denied = 3  // seq 2, 4, 5
        s.failed = 3  // every denied call carries an error
        s.checks = 12  // 2 + 1 + 1 + 3 + 1 + 1 + 2 + 1
        s.checkDecisions = [.allow: 8, .deny: 2, .undefined: 2]
        s.firstTime = F.time(0)
        s.lastTime = F.time(86_400)
        s.topActions = [
            C(key: "process.host", count: 3), C(key: "process.send", count: 3), C(key: "process.spawn", count: 3),
            C(key: "process.registry.register", count: 1), C(key: "process.spawn.linked", count: 1),
            C(key: "process.terminate", count: 1),
        ]
        s.topActors = [
            C(key: "user:alice", count: 3), C(key: "user:bob", count: 3), C(key: nil, count: 1),
            C(key: "user:carol", count: 1),
        ]
        s.topResources = [
            C(key: "app:processes", count: 3), C(key: "app.workers:handler", count: 2),
            C(key: "app.workers:x", count: 2),
            C(key: F.p2, count: 2), C(key: "svc", count: 1), C(key: F.p1, count: 1), C(key: F.p3, count: 1),
        ]
        s.topPolicies = [
            C(key: "app:hosts", count: 3), C(key: "app:send", count: 2), C(key: "app:spawn", count: 2),
            C(key: "app:admin_only", count: 1), C(key: "app:names", count: 1), C(key: "app:no_kill", count: 1),
            C(key: "app:no_send", count: 1),
        ]
        s.topDeniedActors = [C(key: "user:bob", count: 2), C(key: nil, count: 1)]
        // Checks not allowed: send deny, spawn and spawn.linked undefined, terminate deny.
        s.topDeniedActions = [
            C(key: "process.send", count: 1), C(key: "process.spawn", count: 1),
            C(key: "process.spawn.linked", count: 1),
            C(key: "process.terminate", count: 1),
        ]
        s.topDeniedResources = [C(key: "app.workers:x", count: 2), C(key: F.p1, count: 1), C(key: F.p2, count: 1)]
        s.buckets = [
            AuditStats.Bucket(start: F.time(0), allow: 2, deny: 1),
            AuditStats.Bucket(start: F.time(3600), allow: 0, deny: 2),
            AuditStats.Bucket(start: F.time(7200), allow: 2, deny: 0),
            AuditStats.Bucket(start: F.time(86_400), allow: 1, deny: 0),
        ]
        return s
    }()

    /// The fixture as a JSON Lines file and as a database, in `dir`.
    private func readers(_ dir: TemporaryDirectory) async throws -> [AuditReader] {
        try await F.writeLog(dir.file("audit.jsonl"))
        try await F.writeDatabase(dir.file("audit.db"))
        return [.files([dir.file("audit.jsonl")]), .database(dir.file("audit.db"))]
    }

    @Test func countsMatchHandComputedValuesForFilesAndDatabase() async throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let readers = try await readers(dir)
        for reader in readers {
            let stats = try reader.stats(options: AuditStatsOptions(top: 10, bucketMicroseconds: 3_600_000_000))
            #expect(stats == Self.expected, "\(reader.source)")
        }
    }

    @Test func topListsAreCutAndDailyBucketsAddUp() async throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let readers = try await readers(dir)
        for reader in readers {
            let stats = try reader.stats(options: AuditStatsOptions(top: 2, bucketMicroseconds: 86_400_000_000))
            #expect(stats.topActions == Array(Self.expected.topActions.prefix(2)))
            #expect(stats.topResources == [C(key: "app:processes", count: 3), C(key: "app.workers:handler", count: 2)])
            #expect(
                stats.buckets == [
                    AuditStats.Bucket(start: F.time(0), allow: 4, deny: 3),
                    AuditStats.Bucket(start: F.time(86_400), allow: 1, deny: 0),
                ])
        }
    }

    @Test func statsFollowTheFilter() async throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let readers = try await readers(dir)
        for reader in readers {
            // Bob's records: seq 2 (deny, send 0x2), 5 (deny, terminate 0x1), 8 (allow, send 0x3).
            let stats = try reader.stats(matching: AuditFilter(actor: AuditGlob("user:bob")))
            #expect(stats.records == 3)
            #expect(stats.allowed == 1)
            #expect(stats.denied == 2)
            #expect(stats.checks == 3)
            #expect(stats.checkDecisions == [.allow: 1, .deny: 2])
            #expect(stats.topActions == [C(key: "process.send", count: 2), C(key: "process.terminate", count: 1)])
            #expect(stats.topDeniedResources == [C(key: F.p1, count: 1), C(key: F.p2, count: 1)])
            #expect(
                stats.topPolicies == [
                    C(key: "app:admin_only", count: 1), C(key: "app:no_kill", count: 1),
                    C(key: "app:no_send", count: 1), C(key: "app:send", count: 1),
                ])
        }
    }

    /// Patterns are bound as values, never spliced into the SQL: text that would change the
    /// statement matches nothing and changes nothing.
    @Test(arguments: [
        "user:bob' OR '1'='1", "user:*'; DROP TABLE audit_records; --", "user:bob\") OR 1=1 --", "%", "user:_ob",
    ])
    func patternsHoldingSQLMatchOnlyAsText(pattern: String) async throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        for reader in try await readers(dir) {
            let filter = AuditFilter(actor: AuditGlob(pattern), action: AuditGlob(pattern), policy: AuditGlob(pattern))
            #expect(try reader.stats(matching: filter).records == 0, "\(pattern)")
            #expect(try reader.stats(matching: AuditFilter(actor: AuditGlob(pattern))).records == 0, "\(pattern)")
            #expect(try reader.stats(matching: AuditFilter()).records == F.entries.count)
        }
    }

    @Test func emptySelectionsHaveZeroCounts() async throws {
        let dir = try TemporaryDirectory()
        defer { withExtendedLifetime(dir) {} }
        let readers = try await readers(dir)
        for reader in readers {
            let stats = try reader.stats(matching: AuditFilter(actor: AuditGlob("nobody")))
            #expect(stats == AuditStats())
        }
    }
}
