import PostgresNIO
import Testing
import WardenAuditLog
import WardenAuditRecord
import WardenAuditReview
import WardenPostgresTestSupport

@testable import WardenAuditPostgres

@Suite(needsPostgres, .timeLimit(.minutes(5))) struct PostgresSchemaTests {
    @Test func theFirstUseAppliesTheMigrationsOnceAndRecordsTheVersion() throws {
        let url = try PostgresTestServer.freshDatabase()
        _ = try PostgresAuditSink(url: url, node: "gw-1", logger: quietLogger)
        _ = try PostgresAuditSink(url: url, node: "gw-2", logger: quietLogger)
        let connection = try PostgresBlockingConnection.connect(url)
        defer { connection.close() }
        let versions = try connection.query("SELECT version FROM schema_version ORDER BY version").map {
            try $0.decode(Int.self)
        }
        #expect(versions == Array(1...PostgresAuditSchema.migrations.count))
        let tables = try connection.query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
        ).map { try $0.decode(String.self) }
        #expect(tables == ["audit_check_policies", "audit_checks", "audit_records", "schema_version"])
        // The migration's table holds exactly the columns the inserts, COPY and verify name.
        let columns = try connection.query(
            """
            SELECT column_name::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'audit_records' ORDER BY column_name
            """
        ).map { try $0.decode(String.self) }
        #expect(columns == AuditRecordColumn.allCases.map(\.name).sorted())
    }

    @Test func aNewerSchemaIsRefused() throws {
        let url = try PostgresTestServer.freshDatabase()
        _ = try PostgresAuditSink(url: url, node: "gw-1", logger: quietLogger)
        try PostgresTestServer.execute(["INSERT INTO schema_version (version) VALUES (99)"], on: url)
        #expect {
            _ = try PostgresAuditSink(url: url, node: "gw-1", logger: quietLogger)
        } throws: { error in
            (error as? AuditError)?.message.contains("schema version 99, newer than this warden's") == true
        }
    }

    /// The grants docs/audit.md documents: the writer may insert and read chain heads, nothing more.
    @Test func aWriterRoleCanAppendButCannotUpdateOrDelete() async throws {
        let url = try PostgresTestServer.freshDatabase()
        let suffix = url.database.suffix(12)
        let writer = "warden_writer_\(suffix)"
        let reviewer = "warden_reviewer_\(suffix)"
        _ = try PostgresAuditSink(url: url, node: "setup", logger: quietLogger)  // the owner applies the migrations
        try PostgresTestServer.execute(PostgresGrants.writer(role: writer, create: true), on: url)
        try PostgresTestServer.execute(PostgresGrants.reviewer(role: reviewer, create: true), on: url)

        let writerURL = try PostgresTestServer.url(url, user: writer)
        let log = AuditLog(
            node: "gw-1", sink: try PostgresAuditSink(url: writerURL, node: "gw-1", logger: quietLogger),
            mode: .durable,
            failurePolicy: .failClosed, logger: quietLogger)
        for n in 0..<5 { try await log.record(SampleEntries.entry(n)) }
        await log.shutdown()
        #expect(log.failureCount == 0)

        let asWriter = try PostgresBlockingConnection.connect(writerURL)
        defer { asWriter.close() }
        for statement in [
            "UPDATE audit_records SET decision = 'allow'", "DELETE FROM audit_records", "DELETE FROM audit_checks",
            "UPDATE audit_check_policies SET policy = 'x'", "TRUNCATE audit_records", "SELECT line FROM audit_records",
        ] {
            #expect(throws: PostgresAuditError.self, "\(statement)") {
                try asWriter.query(PostgresQuery(unsafeSQL: statement))
            }
        }

        let reviewerURL = try PostgresTestServer.url(url, user: reviewer)
        let chains = try PostgresAuditStore(url: reviewerURL).verify(options: AuditVerifyOptions())
        #expect(chains.map(\.node) == ["gw-1"])
        #expect(chains.first?.verification.records == 5)
        let asReviewer = try PostgresBlockingConnection.connect(reviewerURL)
        defer { asReviewer.close() }
        #expect(throws: PostgresAuditError.self) {
            try asReviewer.query(PostgresQuery(unsafeSQL: "INSERT INTO schema_version (version) VALUES (50)"))
        }
    }
}
