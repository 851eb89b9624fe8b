import Testing

@testable import WardenAuditPostgres

@Suite struct PostgresAuditURLTests {
    @Test func aTCPURLNamesUserHostPortAndDatabase() throws {
        let url = try PostgresAuditURL("postgres://audit:secret@db.example:6543/warden", environment: [:])
        #expect(url.user == "audit")
        #expect(url.password == "secret")
        #expect(url.host == "db.example")
        #expect(url.port == 6543)
        #expect(url.database == "warden")
        #expect(url.socketDirectory == nil)
        #expect(url.description == "postgres://audit@db.example:6543/warden")
    }

    @Test func aHostParameterSelectsAUnixSocketAndThePortDefaultsTo5432() throws {
        let url = try PostgresAuditURL("postgresql://warden@/audit?host=/run/postgresql", environment: [:])
        #expect(url.socketDirectory == "/run/postgresql")
        #expect(url.host == nil)
        #expect(url.port == 5432)
        #expect(url.database == "audit")
    }

    @Test func thePasswordMayComeFromPGPASSWORD() throws {
        let url = try PostgresAuditURL("postgres://warden@localhost/audit", environment: ["PGPASSWORD": "from-env"])
        #expect(url.password == "from-env")
    }

    @Test func timeoutsComeFromTheURLInSecondsAndAreUnsetWithoutIt() throws {
        let url = try PostgresAuditURL(
            "postgres://warden@localhost/audit?connect_timeout=3&statement_timeout=0.25", environment: [:])
        #expect(url.connectTimeout == .seconds(3))
        #expect(url.statementTimeout == .milliseconds(250))
        let plain = try PostgresAuditURL("postgres://warden@localhost/audit", environment: [:])
        #expect(plain.connectTimeout == nil)
        #expect(plain.statementTimeout == nil)
        #expect(PostgresAuditStore(url: plain).statementTimeout == .seconds(300))
        #expect(PostgresAuditStore(url: url).statementTimeout == .milliseconds(250))
    }

    @Test(arguments: [
        ("postgres://warden@localhost/audit?connect_timeout=0", "`connect_timeout=0` must be a number of seconds"),
        (
            "postgres://warden@localhost/audit?statement_timeout=soon",
            "`statement_timeout=soon` must be a number of seconds"
        ),
        (
            "postgres://warden@localhost/audit?statement_timeout=-1",
            "`statement_timeout=-1` must be a number of seconds"
        ),
        ("postgres://localhost/audit", "names no user"),
        ("postgres://warden@localhost", "names no database"),
        ("postgres://warden@localhost/audit?sslmode=require", "`sslmode=require` is not supported"),
        ("postgres://warden@localhost/audit?pool=3", "unknown parameter `pool`"),
        ("postgres://warden@localhost/audit?host=relative", "must name a socket folder"),
    ])
    func aBadURLIsRefusedWithWhatIsWrong(text: String, expected: String) {
        #expect {
            _ = try PostgresAuditURL(text, environment: [:])
        } throws: { error in
            let message = (error as? PostgresAuditError)?.message ?? ""
            return message.contains(expected) && message.contains("invalid PostgreSQL URL `")
                && message.contains("expected `postgres://")
        }
    }

    @Test func aPasswordNeverAppearsInMessages() {
        #expect {
            _ = try PostgresAuditURL("postgres://warden:hunter2@localhost", environment: [:])
        } throws: { error in
            let message = (error as? PostgresAuditError)?.message ?? "hunter2"
            return !message.contains("hunter2") && message.contains("***")
        }
    }

    @Test func onlyPostgresSchemesAreURLs() {
        #expect(PostgresAuditURL.isPostgresURL("postgres://a@b/c"))
        #expect(PostgresAuditURL.isPostgresURL("postgresql://a@b/c"))
        #expect(!PostgresAuditURL.isPostgresURL("audit.jsonl"))
        #expect(!PostgresAuditURL.isPostgresURL("/var/log/postgres://x"))
    }
}
