import Logging
import NIOCore
import PostgresNIO
import WardenAuditRecord
import WardenAuditReview

/// A PostgreSQL audit store for review: `query`, `stats`, `tail`, `replay`, `verify` and
/// `import` read and write it exactly as they do the SQLite store. It keeps one chain per node.
///
/// Each operation opens its own connection (applying missing schema migrations when the role may;
/// a reviewer's read-only role only reads `schema_version`). Records are returned in time order
/// across nodes, then by node and seq.
public struct PostgresAuditStore: AuditStore {
    /// The store's URL.
    public let url: PostgresAuditURL
    /// How long to wait for the server to accept a connection (the URL's `connect_timeout`, else 10 s).
    public var connectTimeout: Duration
    /// How long one statement may take (the URL's `statement_timeout`, else 300 s).
    public var statementTimeout: Duration

    /// A store at `url`.
    public init(url: PostgresAuditURL) {
        self.url = url
        connectTimeout = url.connectTimeout ?? .seconds(10)
        statementTimeout = url.statementTimeout ?? .seconds(300)
    }

    /// The URL without its password.
    public var location: String { url.description }

    /// A connection with the schema in place (migrated when it is behind).
    func connect() throws(PostgresAuditError) -> PostgresBlockingConnection {
        let connection = try PostgresBlockingConnection.connect(
            url, connectTimeout: TimeAmount(connectTimeout), statementTimeout: TimeAmount(statementTimeout))
        do throws(PostgresAuditError) {
            try PostgresAuditSchema.migrate(connection)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    /// The location of a read error.
    var readLocation: AuditLocation { AuditLocation(path: location, line: nil) }

    /// A connection for reading, as a read error.
    func connectForReading() throws(AuditReadError) -> PostgresBlockingConnection {
        do { return try connect() } catch { throw AuditReadError(.unreadable, at: readLocation, error.message) }
    }

    /// The records matching `filter` in time order (then node, seq), a page at a time.
    public func records(matching filter: AuditFilter, limit: Int?, verifying: Bool) throws(AuditReadError)
        -> AuditRecordCursor
    {
        let connection = try connectForReading()
        let pages = PostgresRecordPages(
            connection: connection, filter: filter, limit: limit, verifying: verifying, location: readLocation)
        return AuditRecordCursor(limit: limit) { () throws(AuditReadError) -> AuditReadRecord? in try pages.next() }
    }

    /// Statistics over the matching records (read and counted); `verifying` verifies every
    /// chain first, as `verify --db` does (any start).
    public func stats(matching filter: AuditFilter, options: AuditStatsOptions, verifying: Bool) throws(AuditReadError)
        -> AuditStats
    {
        if verifying {
            do { _ = try verify(options: AuditVerifyOptions(continued: true)) } catch { throw AuditReadError(error) }
        }
        var accumulator = AuditStatsAccumulator(options: options)
        let cursor = try records(matching: filter, limit: nil, verifying: false)
        while let read = try cursor.next() { accumulator.add(read.record) }
        return accumulator.result
    }

    /// Follows new records by polling each node's chain after the last seq seen.
    public func follow(filter: AuditFilter, verifying: Bool) throws(AuditReadError) -> any AuditRecordFollowing {
        PostgresFollower(
            connection: try connectForReading(), filter: filter, verifying: verifying, location: readLocation)
    }
}
