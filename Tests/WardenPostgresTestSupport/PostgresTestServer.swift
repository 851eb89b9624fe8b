import Foundation
import Testing
import WardenAuditPostgres

/// The PostgreSQL server the tests use: `WARDEN_TEST_POSTGRES_URL` (set by `.ci/run`, or by
/// `eval "$(scripts/test-postgres.sh start)"` on a developer machine). Without it the tests are
/// skipped, except under CI (`CI` set), where they fail: the server is part of the suite there.
public enum PostgresTestServer {
    static let environment = ProcessInfo.processInfo.environment
    static let urlText = environment["WARDEN_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let isCI = environment["CI"].map { !$0.isEmpty && $0 != "0" && $0 != "false" } ?? false

    /// Whether the PostgreSQL tests run: a server is given, or CI requires one.
    public static let enabled = urlText != nil || isCI

    /// The server's URL.
    /// - Throws: under CI without a URL, a failure saying so.
    public static func url() throws -> PostgresAuditURL {
        guard let urlText else {
            throw ServerMissing(
                "CI is set but WARDEN_TEST_POSTGRES_URL is not: .ci/run starts a private server (scripts/test-postgres.sh) and exports it"
            )
        }
        return try PostgresAuditURL(urlText)
    }

    /// A new, empty database on the server, for one test.
    public static func freshDatabase() throws -> PostgresAuditURL {
        let admin = try url()
        let name = "warden_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        try PostgresAdministration.execute(["CREATE DATABASE \(name)"], on: admin)
        return try PostgresAdministration.url(admin, database: name)
    }

    /// A URL for another role on the same server and database as `url`.
    public static func url(_ url: PostgresAuditURL, user: String) throws -> PostgresAuditURL {
        try PostgresAdministration.url(url, database: url.database, user: user)
    }

    /// The text form of `url` a command line takes (the socket folder as `host=`).
    public static func commandLine(_ url: PostgresAuditURL) -> String {
        if let socket = url.socketDirectory {
            return "postgres://\(url.user)@localhost:\(url.port)/\(url.database)?host=\(socket)"
        }
        return "postgres://\(url.user)@\(url.host ?? "localhost"):\(url.port)/\(url.database)"
    }

    /// Runs SQL statements as the server's administrator on `url`'s database.
    public static func execute(_ statements: [String], on url: PostgresAuditURL) throws {
        try PostgresAdministration.execute(statements, on: url)
    }

    struct ServerMissing: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// The trait of every test that needs the server: skipped with a clear message without one
/// (outside CI).
public let needsPostgres = ConditionTrait.enabled(
    if: PostgresTestServer.enabled,
    "no PostgreSQL server: run `eval \"$(scripts/test-postgres.sh start)\"` to get one (exports WARDEN_TEST_POSTGRES_URL)"
)
