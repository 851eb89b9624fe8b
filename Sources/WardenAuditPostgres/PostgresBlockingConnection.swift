import Logging
import NIOCore
import PostgresNIO

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
        close()
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
        // postgres-nio enforces `connectTimeout` itself; this bound (a little later) is the
        // backstop should its future never complete. A connection made after it is closed.
        let late = Late()
        future.whenSuccess { connection in if late.isLate { connection.close().whenComplete { _ in } } }
        do {
            let connection = try Self.wait(for: future, upTo: connectTimeout + .milliseconds(500)) {
                late.isLate = true
            }
            return PostgresBlockingConnection(
                url: url, connection: connection, statementTimeout: statementTimeout, logger: logger)
        } catch is DeadlinePassed {
            throw PostgresAuditError(
                .connectFailed,
                "cannot connect to `\(url)`: no answer within \(connectTimeout.nanoseconds / 1_000_000) ms (`connect_timeout`); check that the server runs and the network between"
            )
        } catch {
            throw PostgresAuditError(
                .connectFailed,
                "cannot connect to `\(url)`: \(Self.describe(error)); check that the server runs and the URL's user, host, port and database"
            )
        }
    }

    /// Runs `query` and returns its rows.
    /// - Throws: ``PostgresAuditError`` (`.queryFailed`, `.timedOut`).
    @discardableResult
    func query(_ query: PostgresQuery) throws(PostgresAuditError) -> [PostgresRow] {
        let future = connection.query(query, logger: logger)
        let connection = self.connection
        do {
            // Bounded by our own deadline, not only by closing the connection: a query handed to
            // a connection that the server closed a moment before is never answered nor failed.
            // Closing fails it too, for the same reason.
            return try Self.wait(for: future, upTo: statementTimeout, orUntil: connection.closeFuture) {
                connection.close().whenComplete { _ in }
            }.rows
        } catch {
            if error is ConnectionLost {
                throw PostgresAuditError(
                    .queryFailed, "`\(url)`: the connection was lost (the server closed it or went away)")
            }
            if error is DeadlinePassed {
                throw PostgresAuditError(
                    .timedOut,
                    "`\(url)` did not answer within \(statementTimeout.nanoseconds / 1_000_000) ms (`statement_timeout`); the connection was closed (a stalled network or an overloaded server)"
                )
            }
            throw PostgresAuditError(.queryFailed, "`\(url)`: \(Self.describe(error))")
        }
    }

    /// Whether the connection is gone (closed, timed out, or lost).
    var isClosed: Bool { connection.isClosed }

    /// Closes the connection (errors ignored: it is being dropped), waiting at most a second.
    func close() {
        if !connection.isClosed { _ = try? Self.wait(for: connection.close(), upTo: .seconds(1)) {} }
    }

    /// Waits for `future`, at most `limit`: past it, `expire` runs on the future's event loop and
    /// the wait throws ``DeadlinePassed``; when `closed` (a connection's close future, on the same
    /// event loop) completes first, it throws ``ConnectionLost``. Whatever the future does later
    /// is ignored.
    static func wait<Value: Sendable>(
        for future: EventLoopFuture<Value>, upTo limit: TimeAmount, orUntil closed: EventLoopFuture<Void>? = nil,
        expire: @escaping @Sendable () -> Void
    ) throws -> Value {
        let bounded = future.eventLoop.makePromise(of: Value.self)
        future.cascade(to: bounded)
        closed?.whenComplete { _ in bounded.fail(ConnectionLost()) }  // ignored when the future completed first
        let timer = future.eventLoop.scheduleTask(in: limit) {
            bounded.fail(DeadlinePassed())  // ignored when the future completed first
            expire()
        }
        defer { timer.cancel() }
        return try bounded.futureResult.wait()
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

/// A wait's deadline passed before its future completed.
struct DeadlinePassed: Error {}

/// The connection closed before a wait's future completed.
struct ConnectionLost: Error {}

/// Set on the event loop when a connect's deadline passed, so a connection made afterwards is closed.
private final class Late: @unchecked Sendable {
    // `@unchecked Sendable`: only touched on the connect future's event loop (the deadline and
    // the future's callbacks both run there).
    var isLate = false
}
