import PostgresNIO

/// Statements run as an administrator (creating databases, granting roles), for the test suite
/// and the benchmark harness: nothing the gateway or the review commands do.
package enum PostgresAdministration {
    /// Runs each statement on `url`'s database, in order.
    /// - Throws: ``PostgresAuditError`` at the first statement that fails.
    package static func execute(_ statements: [String], on url: PostgresAuditURL) throws(PostgresAuditError) {
        let connection = try PostgresBlockingConnection.connect(url)
        defer { connection.close() }
        for statement in statements { try connection.query(PostgresQuery(unsafeSQL: statement)) }
    }

    /// The values of the first column of `sql`'s rows, as text.
    package static func strings(_ sql: String, on url: PostgresAuditURL) throws(PostgresAuditError) -> [String] {
        let connection = try PostgresBlockingConnection.connect(url)
        defer { connection.close() }
        let rows = try connection.query(PostgresQuery(unsafeSQL: sql))
        do { return try rows.map { try $0.decode(String.self) } } catch {
            throw PostgresAuditError(.queryFailed, "`\(url)`: cannot read a row: \(error)")
        }
    }

    /// `url` with another database and, when given, another user.
    package static func url(_ url: PostgresAuditURL, database: String, user: String? = nil) throws(PostgresAuditError)
        -> PostgresAuditURL
    {
        let who = user ?? url.user
        if let socket = url.socketDirectory {
            return try PostgresAuditURL("postgres://\(who)@localhost:\(url.port)/\(database)?host=\(socket)")
        }
        return try PostgresAuditURL("postgres://\(who)@\(url.host ?? "localhost"):\(url.port)/\(database)")
    }
}
