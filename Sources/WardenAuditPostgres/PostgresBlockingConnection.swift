import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// One PostgreSQL connection used from a thread that may block: the audit writer's thread and
/// the review commands. postgres-nio is asynchronous; this bridges with its `EventLoopFuture`
/// API and `wait()`, which parks the calling thread until the event loop (a thread of NIO's own)
/// completes the future. No Swift concurrency task is involved, so a blocked caller never holds
/// back the work it waits for (no deadlock, whether or not the caller is itself on a
/// cooperative thread), and the event loop never waits on the caller.
///
/// Every operation has a deadline: when it passes, the connection is closed, which fails the
/// pending query (a stalled network turns into an error instead of a hang); the owner then
/// reconnects.
final class PostgresBlockingConnection: Sendable {
    /// The URL it connected to.
    let url: PostgresAuditURL
    let connection: PostgresConnection
    /// How long one statement may take before the connection is closed.
    let statementTimeout: TimeAmount
    let logger: Logger

    private init(url: PostgresAuditURL, connection: PostgresConnection, statementTimeout: TimeAmount, logger: Logger) {
        self.url = url
        self.connection = connection
        self.statementTimeout = statementTimeout
        self.logger = logger
    }

    deinit {
        if !connection.isClosed { try? connection.close().wait() }
    }

    /// Connects, waiting at most `connectTimeout` (by default the URL's, else 10 s); each
    /// statement may then take `statementTimeout` (by default the URL's, else 30 s).
    /// - Throws: ``PostgresAuditError`` (`.connectFailed`).
    static func connect(
        _ url: PostgresAuditURL, connectTimeout: TimeAmount? = nil, statementTimeout: TimeAmount? = nil,
        logger: Logger = Logger(label: "warden.audit.postgres")
    ) throws(PostgresAuditError) -> PostgresBlockingConnection {
        let connectTimeout = connectTimeout ?? TimeAmount(url.connectTimeout ?? .seconds(10))
        let statementTimeout = statementTimeout ?? TimeAmount(url.statementTimeout ?? .seconds(30))
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        let future = PostgresConnection.connect(
            on: eventLoop, configuration: url.configuration(connectTimeout: connectTimeout), id: 1, logger: logger)
        do {
            let connection = try future.wait()
            return PostgresBlockingConnection(url: url, connection: connection, statementTimeout: statementTimeout, logger: logger)
        } catch {
            throw PostgresAuditError(.connectFailed, "cannot connect to `\(url)`: \(Self.describe(error)); check that the server runs and the URL's user, host, port and database")
        }
    }

    /// Runs `query` and returns its rows.
    /// - Throws: ``PostgresAuditError`` (`.queryFailed`, `.timedOut`).
    @discardableResult
    func query(_ query: PostgresQuery) throws(PostgresAuditError) -> [PostgresRow] {
        let future = connection.query(query, logger: logger)
        let connection = self.connection
        let expired = DeadlineFlag()
        let timer = connection.eventLoop.scheduleTask(in: statementTimeout) {
            expired.fired.store(true, ordering: .relaxed)
            connection.close().whenComplete { _ in }
        }
        defer { timer.cancel() }
        do {
            return try future.wait().rows
        } catch {
            if expired.fired.load(ordering: .relaxed) {
                throw PostgresAuditError(
                    .timedOut,
                    "`\(url)` did not answer within \(statementTimeout.nanoseconds / 1_000_000) ms (`statement_timeout`); the connection was closed (a stalled network or an overloaded server)")
            }
            throw PostgresAuditError(.queryFailed, "`\(url)`: \(Self.describe(error))")
        }
    }

    /// Whether the connection is gone (closed, timed out, or lost).
    var isClosed: Bool { connection.isClosed }

    /// Closes the connection (errors ignored: it is being dropped).
    func close() {
        if !connection.isClosed { try? connection.close().wait() }
    }

    /// The server's message for a server error, else the error's description, lowercased at the start.
    static func describe(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                let code = psql.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + code
            }
            guard let underlying = psql.underlying else { return "\(psql.code)" }
            return "\(psql.code): \(describe(underlying))"
        }
        if let channelError = error as? ChannelError, case .connectTimeout(let limit) = channelError {
            return "no answer within \(limit.nanoseconds / 1_000_000) ms (`connect_timeout`)"
        }
        if let error = error as? IOError { return error.description }
        return "\(error)"
    }
}

/// Set by a statement's deadline when it closed the connection.
private final class DeadlineFlag: Sendable {
    let fired = Atomic<Bool>(false)
}
