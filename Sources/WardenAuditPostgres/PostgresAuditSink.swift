import Logging
import NIOCore
import PostgresNIO
import WardenAuditLog
import WardenAuditRecord

/// A sink writing this node's chain into a PostgreSQL audit store: one statement per batch
/// (records, checks and policies as `unnest`ed arrays), committed before ``write(_:)`` returns,
/// so a batch is on the server's stable storage when it returns (`synchronous_commit`, the
/// server's default) and ``sync()`` has nothing left to do. Every delivery mode works: `durable`
/// acknowledges after the commit, and its group commit makes concurrent callers share one.
///
/// Several nodes write one store without contending on a chain head: each node's records are
/// keyed by `(node, seq)`. Two writers using the same node name cannot both write: the second
/// one's insert hits the key and fails (fail-closed).
///
/// Failures: a write that fails (server down, connection lost, statement timed out) throws
/// `.writeFailed`, and the connection is dropped; the next write reconnects and first checks that
/// the store's head for this node is where the writer's chain continues. When the store is ahead
/// (a commit whose answer was lost did happen), that write fails too and ``headAfterFailure``
/// tells the writer to continue after the store's head, so the chain has no gap and no fork; when
/// it is behind (acknowledged records missing), the sink refuses every later write
/// (`.sinkBroken`).
///
/// The writer thread calls the sink synchronously; see ``PostgresBlockingConnection`` for how
/// that waits on postgres-nio without a deadlock.
public final class PostgresAuditSink: AuditSink {
    /// The store's URL.
    public let url: PostgresAuditURL
    /// The node whose chain this sink writes.
    public let node: String
    /// This node's last record in the store when the sink was opened.
    public let chainHead: AuditChainHead
    /// The id of that record, `nil` when the node had none.
    public let lastRecordID: String?
    /// Mutable state, touched only from the writer thread, one call at a time (the
    /// ``AuditSink`` contract), and by ``init``/``deinit`` around it.
    private let state: SinkState

    /// Connects to the store at `url`, applies missing schema migrations and finds `node`'s head.
    /// - Parameters:
    ///   - connectTimeout: how long connecting (and logging in) may take; `nil`: the URL's
    ///     `connect_timeout`, else 10 s.
    ///   - statementTimeout: how long a batch may take before the connection is closed and the
    ///     write fails (a stalled network); `nil`: the URL's `statement_timeout`, else 30 s.
    /// - Throws: ``AuditError`` (`.openFailed`).
    public init(
        url: PostgresAuditURL, node: String, connectTimeout: Duration? = nil, statementTimeout: Duration? = nil,
        logger: Logger = Logger(label: "warden.audit.postgres")
    ) throws(AuditError) {
        self.url = url
        self.node = node
        let timeouts = (
            connect: TimeAmount(connectTimeout ?? url.connectTimeout ?? .seconds(10)),
            statement: TimeAmount(statementTimeout ?? url.statementTimeout ?? .seconds(30))
        )
        do throws(PostgresAuditError) {
            let connection = try PostgresBlockingConnection.connect(
                url, connectTimeout: timeouts.connect, statementTimeout: timeouts.statement, logger: logger)
            do throws(PostgresAuditError) {
                try PostgresAuditSchema.migrate(connection)
                let head = try PostgresChainHead.fetch(node: node, on: connection)
                chainHead = head?.head ?? .genesis
                lastRecordID = head?.id
            } catch {
                connection.close()
                throw error
            }
            state = SinkState(connection: connection, timeouts: timeouts, logger: logger)
        } catch {
            throw AuditError(.openFailed, "cannot open the PostgreSQL audit store: \(error.message)")
        }
        state.expectedHead = chainHead
    }

    deinit {
        state.connection?.close()
    }

    /// Inserts the batch in one statement (one transaction): all of it or none.
    public func write(_ batch: [SealedRecord]) throws(AuditError) {
        guard let first = batch.first, let last = batch.last else { return }
        if state.broken {
            throw AuditError(
                .sinkBroken,
                "the PostgreSQL audit sink for node `\(node)` refuses writes after an earlier failure whose outcome it could not settle; reopen the log"
            )
        }
        var columns = PostgresRecordColumns()
        for sealed in batch { columns.append(sealed.record, line: sealed.line) }
        state.headAfterFailure = nil
        do {
            let connection = try state.connectIfNeeded(url: url)
            if state.mustCheckHead {
                let found = try PostgresChainHead.fetch(node: node, on: connection)?.head ?? .genesis
                let expected = AuditChainHead(seq: first.record.seq - 1, hash: first.record.prev)
                state.mustCheckHead = false
                if found != expected {
                    guard found.seq > expected.seq else {
                        state.broken = true
                        throw AuditError(
                            .sinkBroken,
                            "the PostgreSQL audit store holds node `\(node)` only up to \(found), but this writer wrote up to \(expected): "
                                + "acknowledged records are missing (was the database restored from a backup?); check it with "
                                + "`warden audit verify --db`, then reopen the log")
                    }
                    state.headAfterFailure = found
                    throw AuditError(
                        .writeFailed,
                        "the PostgreSQL audit store holds node `\(node)` up to \(found), past this writer's \(expected) (a batch whose "
                            + "commit was not confirmed did commit); the chain continues after it")
                }
            }
            try connection.query(columns.insert)
            state.expectedHead = AuditChainHead(seq: last.record.seq, hash: last.record.hash)
        } catch let error as AuditError {
            throw error
        } catch let error as PostgresAuditError {
            state.dropConnection()
            throw AuditError(
                .writeFailed, "cannot write node `\(node)`'s records to the PostgreSQL audit store: \(error.message)")
        } catch {
            state.dropConnection()
            throw AuditError(.writeFailed, "cannot write to the PostgreSQL audit store `\(url)`: \(error)")
        }
    }

    /// Set by a write that found the store ahead of the writer: the chain continues after it.
    public var headAfterFailure: AuditChainHead? { state.headAfterFailure }

    /// Nothing to do: each committed batch is already durable.
    public func sync() throws(AuditError) {
        if state.broken {
            throw AuditError(.sinkBroken, "the PostgreSQL audit sink for node `\(node)` is broken; reopen the log")
        }
    }

    /// Closes the connection.
    public func close() throws(AuditError) {
        state.connection?.close()
        state.connection = nil
    }
}

/// The sink's mutable part.
///
/// `@unchecked Sendable`: ``AuditLog`` calls a sink from its single writer thread, one call at a
/// time (the ``AuditSink`` contract), so these fields are never touched concurrently.
private final class SinkState: @unchecked Sendable {
    var connection: PostgresBlockingConnection?
    let timeouts: (connect: TimeAmount, statement: TimeAmount)
    let logger: Logger
    /// Set after a failure: before the next write, the store's head must be checked.
    var mustCheckHead = false
    /// Set when the store and the writer disagree for good.
    var broken = false
    /// Where the writer's chain stands after the last successful write.
    var expectedHead = AuditChainHead.genesis
    /// The store's head when a write found it past the writer's (see `headAfterFailure`).
    var headAfterFailure: AuditChainHead?

    init(connection: PostgresBlockingConnection, timeouts: (connect: TimeAmount, statement: TimeAmount), logger: Logger)
    {
        self.connection = connection
        self.timeouts = timeouts
        self.logger = logger
    }

    /// The open connection, or a new one.
    func connectIfNeeded(url: PostgresAuditURL) throws(PostgresAuditError) -> PostgresBlockingConnection {
        if let connection, !connection.isClosed { return connection }
        connection?.close()
        connection = nil
        mustCheckHead = true
        let fresh = try PostgresBlockingConnection.connect(
            url, connectTimeout: timeouts.connect, statementTimeout: timeouts.statement, logger: logger)
        connection = fresh
        return fresh
    }

    /// Drops the connection after a failure; the next write reconnects and checks the head.
    func dropConnection() {
        connection?.close()
        connection = nil
        mustCheckHead = true
    }
}
