import GRDB
import Testing
import WardenValue

@testable import WardenAuditLog
@testable import WardenAuditRecord
@testable import WardenAuditReview

@Suite(.timeLimit(.minutes(5))) struct SQLiteAuditSinkTests {
    /// A database of `count` varied records written through the SQLite sink.
    private func makeDatabase(_ dir: TemporaryDirectory, count: Int = 12) async throws -> String {
        let path = dir.file("audit.db")
        let log = AuditLog(
            node: "n", sink: try SQLiteAuditSink(path: path), mode: .sync, failurePolicy: .failClosed,
            logger: quietLogger)
        for i in 0..<count { try await log.record(Entries.varied(i)) }
        await log.shutdown()
        return path
    }

    private func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
    }

    private func verifyBreak(_ path: String) -> AuditChainBreak? {
        do {
            _ = try AuditVerifier.verify(database: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func recordsWrittenToTheDatabaseVerifyAndReopeningContinuesTheChain() async throws {
        let dir = try TemporaryDirectory()
        let path = try await makeDatabase(dir)
        #expect(try AuditVerifier.verify(database: path).records == 12)
        let reopened = try SQLiteAuditSink(path: path)
        #expect(reopened.chainHead.seq == 12)
        let log = AuditLog(node: "n", sink: reopened, mode: .durable, failurePolicy: .failClosed, logger: quietLogger)
        try await log.record(Entries.spawn(seconds: 1_700_000_100))
        await log.shutdown()
        let result = try AuditVerifier.verify(database: path)
        #expect(result.records == 13)
        #expect(result.head.seq == 13)
    }

    @Test func theDatabaseStoresTheSameLinesAsTheFile() async throws {
        let dir = try TemporaryDirectory()
        let file = try JSONLFileSink(path: dir.file("audit.jsonl"))
        let database = try SQLiteAuditSink(path: dir.file("audit.db"))
        let log = AuditLog(
            node: "n", sink: try MultiplexAuditSink([file, database]), mode: .async, failurePolicy: .failClosed,
            logger: quietLogger)
        for i in 0..<50 { try await log.record(Entries.varied(i)) }
        await log.shutdown()
        let lines = try await DatabaseQueue(path: dir.file("audit.db")).read { db in
            try String.fetchAll(db, sql: "SELECT line FROM audit_records ORDER BY seq")
        }
        #expect(lines == (try dir.lines("audit.jsonl")))
    }

    @Test(arguments: [
        ("UPDATE audit_records SET actor = 'user:mallory' WHERE seq = 5", AuditChainBreak.Kind.indexMismatch, 5),
        ("UPDATE audit_records SET decision = 'allow' WHERE seq = 4 AND decision = 'deny'", .indexMismatch, 4),
        (
            "UPDATE audit_records SET line = replace(line, '\"decision\":\"deny\"', '\"decision\":\"allow\"') WHERE seq = 6",
            .alteredRecord, 6
        ),
        ("DELETE FROM audit_records WHERE seq = 7", .sequenceGap, 8),
        // A value of another type than the schema writes is a mismatch, not a crash of the reader.
        ("UPDATE audit_records SET time_us = 'yesterday' WHERE seq = 3", .indexMismatch, 3),
        ("UPDATE audit_records SET op = 1.5 WHERE seq = 2", .indexMismatch, 2),
        ("UPDATE audit_records SET error_kind = 'FORGED' WHERE seq = 1", .indexMismatch, 1),
        ("UPDATE audit_checks SET action = 'process.other' WHERE seq = 3 AND idx = 0", .indexMismatch, 3),
        ("DELETE FROM audit_checks WHERE seq = 5", .indexMismatch, 5),
        ("INSERT INTO audit_check_policies(policy, seq, idx) VALUES ('app:forged', 2, 1)", .indexMismatch, 2),
    ])
    func tamperingWithARowIsDetected(sql: String, kind: AuditChainBreak.Kind, seq: Int) async throws {
        let dir = try TemporaryDirectory()
        let path = try await makeDatabase(dir)
        try tamper(path, sql)
        let found = verifyBreak(path)
        #expect(found?.kind == kind)
        #expect(found?.seq == seq)
        #expect(found?.description.hasPrefix("\(path) seq \(seq): ") == true)
    }

    @Test func theRecordsTableHasOneColumnPerAuditRecordColumnInItsOrder() async throws {
        let dir = try TemporaryDirectory()
        let path = try await makeDatabase(dir)
        let columns = try await DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(audit_records)").map { row -> [String] in
                [row["name"], row["type"], row["notnull"] == 1 ? "NOT NULL" : "", row["pk"] == 1 ? "PK" : ""]
            }
        }
        #expect(
            columns == [
                ["seq", "INTEGER", "", "PK"], ["id", "TEXT", "NOT NULL", ""], ["time_us", "INTEGER", "NOT NULL", ""],
                ["node", "TEXT", "NOT NULL", ""], ["op", "TEXT", "NOT NULL", ""], ["caller_pid", "TEXT", "", ""],
                ["actor", "TEXT", "", ""], ["decision", "TEXT", "NOT NULL", ""], ["error_kind", "TEXT", "", ""],
                ["policy_revision", "TEXT", "NOT NULL", ""], ["prev", "TEXT", "NOT NULL", ""],
                ["hash", "TEXT", "NOT NULL", ""], ["line", "TEXT", "NOT NULL", ""],
            ])
        #expect(columns.map { $0[0] } == AuditRecordColumn.allCases.map(\.name))
    }

    @Test func rowsBelongingToNoRecordAreDetected() async throws {
        let dir = try TemporaryDirectory()
        let path = try await makeDatabase(dir)
        try tamper(
            path, "INSERT INTO audit_checks(seq, idx, action, resource, decision) VALUES (99, 0, 'a', 'b', 'allow')")
        #expect(verifyBreak(path)?.kind == .indexMismatch)
    }

    @Test func aDatabaseThatIsNotAnAuditDatabaseIsReported() async throws {
        let dir = try TemporaryDirectory()
        let other = dir.file("other.db")
        try await DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t(x)") }
        #expect(verifyBreak(other)?.kind == .notAnAuditLog)
        #expect(throws: AuditError.self) { try SQLiteAuditSink(path: dir.file("missing/dir.db")) }
    }

    @Test func importVerifiesLoadsAndSkipsRecordsAlreadyPresent() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 30, rotateAtBytes: 6000)
        let files = try AuditFileSet(activePath: dir.file("audit.jsonl")).files()
        let db = dir.file("audit.db")
        let first = try AuditImporter.importFiles(files, into: db, batchSize: 7)
        #expect(first.imported == 30)
        #expect(first.skipped == 0)
        // The log grows; importing again loads only the new records.
        try await writeLog(dir.file("audit.jsonl"), count: 5, rotateAtBytes: 6000)
        let second = try AuditImporter.importFiles(
            try AuditFileSet(activePath: dir.file("audit.jsonl")).files(), into: db)
        #expect(second.imported == 5)
        #expect(second.skipped == 30)
        #expect(second.head.seq == 35)
        let verified = try AuditVerifier.verify(database: db)
        #expect(verified.records == 35)
        #expect(verified.head == second.head)
        // The database answers queries like the files.
        var fromDatabase: [String] = []
        try AuditReader.database(db).forEach { fromDatabase.append($0.line) }
        var fromFiles: [String] = []
        try AuditReader.files(try AuditFileSet(activePath: dir.file("audit.jsonl")).files()).forEach {
            fromFiles.append($0.line)
        }
        #expect(fromDatabase == fromFiles)
    }

    @Test func aBulkImportLeavesEveryIndexInPlace() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 20)
        _ = try AuditImporter.importFiles([dir.file("audit.jsonl")], into: dir.file("audit.db"))
        let indexes = try await DatabaseQueue(path: dir.file("audit.db")).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_%'")
        }
        #expect(Set(indexes) == Set(AuditSchema.secondaryIndexes))
    }

    @Test func importStopsAtABreakKeepingTheVerifiedPrefix() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 10)
        var lines = try dir.lines("audit.jsonl")
        lines.remove(at: 6)
        try dir.write("cut.jsonl", Array(lines.map { $0 + "\n" }.joined().utf8))
        #expect {
            try AuditImporter.importFiles([dir.file("cut.jsonl")], into: dir.file("audit.db"), batchSize: 2)
        } throws: { error in
            guard case .chainBreak(let found, let imported)? = error as? AuditImportError else { return false }
            return found.kind == .sequenceGap && found.location.line == 7 && imported == 6
        }
        #expect(try AuditVerifier.verify(database: dir.file("audit.db")).head.seq == 6)
    }

    @Test func importRefusesAnotherChain() async throws {
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("a.jsonl"), count: 3)
        try await writeLog(dir.file("b.jsonl"), count: 4) { Entries.spawn(seconds: Int64($0)) }
        _ = try AuditImporter.importFiles([dir.file("a.jsonl")], into: dir.file("audit.db"))
        #expect {
            try AuditImporter.importFiles([dir.file("b.jsonl")], into: dir.file("audit.db"))
        } throws: { error in
            guard case .chainBreak(let found, _)? = error as? AuditImportError else { return false }
            return found.kind == .chainBroken && found.seq == 3
        }
    }

    @Test(arguments: [
        ("actor", AuditFilter(actor: AuditGlob("user:alice")), "audit_records_actor_decision"),
        ("actor glob", AuditFilter(actor: AuditGlob("user:a*")), "audit_records_actor_decision"),
        ("action", AuditFilter(action: AuditGlob("process.send")), "audit_checks_action_decision"),
        ("action glob", AuditFilter(action: AuditGlob("process.spawn.*")), "audit_checks_action_decision"),
        (
            "time", AuditFilter(since: ReviewFixture.time(0), until: ReviewFixture.time(60)),
            "audit_records_time_decision"
        ),
        ("policy", AuditFilter(policy: AuditGlob("app:send")), "PRIMARY KEY"),
        (
            "actor and action", AuditFilter(actor: AuditGlob("user:alice"), action: AuditGlob("process.send")),
            "audit_records_actor_decision"
        ),
        ("pid and policy", AuditFilter(policy: AuditGlob("app:send"), pid: ReviewFixture.p1), "audit_records_pid"),
    ])
    func filteredQueriesUseAnIndexNotAFullScan(name: String, filter: AuditFilter, index: String) async throws {
        let dir = try TemporaryDirectory()
        try await ReviewFixture.writeDatabase(dir.file("audit.db"))
        let condition = AuditSQLCondition(filter)
        let plan = try await DatabaseQueue(path: dir.file("audit.db")).read { db in
            db.add(function: AuditGlob.sqlFunction)
            return try Row.fetchAll(
                db,
                SQLRequest(literal: "EXPLAIN QUERY PLAN SELECT r.seq FROM audit_records r WHERE \(condition.literal)")
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains(index) }, "\(name): \(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(name): \(plan)")
        #expect(
            DatabaseRecordSource(
                database: try AuditDatabase.openForReading(dir.file("audit.db")), filter: filter, limit: nil
            ).strategy == .indexed)
    }

    /// `stats` reads the records table only through its covering indexes: a row of a record
    /// holds its whole line, so scanning rows over a million records reads about 1 GB.
    @Test(arguments: [
        ("whole store", AuditFilter()),
        ("time range", AuditFilter(since: ReviewFixture.time(0), until: ReviewFixture.time(60))),
        ("denied", AuditFilter(decision: .deny)),
    ])
    func statsReadRecordsOnlyThroughCoveringIndexes(name: String, filter: AuditFilter) async throws {
        let dir = try TemporaryDirectory()
        try await ReviewFixture.writeDatabase(dir.file("audit.db"))
        let queue = try DatabaseQueue(path: dir.file("audit.db"))
        let plans = try await queue.write { db -> [String] in
            db.add(function: AuditGlob.sqlFunction)
            var statements: [String] = []
            db.trace { event in
                if case .statement(let statement) = event { statements.append(statement.expandedSQL) }
            }
            _ = try DatabaseStats(filter: filter, options: AuditStatsOptions(top: 10, bucketMicroseconds: 60_000_000))
                .compute(db)
            db.trace(options: [], nil)
            #expect(statements.count >= 9, "\(name): \(statements)")
            return try statements.flatMap { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
            }
        }
        let rowReads = plans.filter { ($0.hasPrefix("SCAN r") || $0.hasPrefix("SEARCH r")) && !$0.contains("COVERING") }
        #expect(rowReads.isEmpty, "\(name): \(plans)")
    }

    @Test func openingAnOlderDatabaseForWritingReplacesItsNarrowerIndexes() async throws {
        let dir = try TemporaryDirectory()
        let path = try await makeDatabase(dir)
        try tamper(
            path,
            """
            DROP INDEX audit_records_time_decision; DROP INDEX audit_records_actor_decision;
            DROP INDEX audit_checks_action_decision; DROP INDEX audit_checks_resource_decision;
            CREATE INDEX audit_records_time ON audit_records(time_us);
            CREATE INDEX audit_records_actor ON audit_records(actor, time_us);
            CREATE INDEX audit_checks_action ON audit_checks(action, seq);
            CREATE INDEX audit_checks_resource ON audit_checks(resource, seq);
            """)
        _ = try SQLiteAuditSink(path: path)
        let indexes = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'audit_%' ORDER BY name")
        }
        #expect(
            indexes == [
                "audit_checks_action_decision", "audit_checks_resource_decision", "audit_records_actor_decision",
                "audit_records_id", "audit_records_op", "audit_records_pid", "audit_records_time_decision",
            ])
        #expect(verifyBreak(path) == nil)
    }
}
