import Logging
import WardenAuditRecord

/// The producer side of the audit log: seals entries into one hash chain and hands them to a
/// sink from a single writer thread, in the chosen ``DeliveryMode``.
///
/// ```swift
/// let log = AuditLog(node: "gw-1", sink: try JSONLFileSink(path: "audit.jsonl"),
///                    mode: .durable, failurePolicy: .failClosed, logger: logger)
/// try await log.record(entry)   // throws when the record cannot be written (fail-closed)
/// await log.shutdown()          // flushes, syncs and closes the sink
/// ```
public final class AuditLog: Sendable {
    /// The writing instance's name, written in every record's `node`.
    public let node: String
    /// When ``record(_:)`` returns relative to storage.
    public let mode: DeliveryMode
    /// What happens to a call whose record cannot be written.
    public let failurePolicy: FailurePolicy
    private let writer: AuditWriter

    /// Creates a log writing to `sink`, continuing the chain after `sink.chainHead`.
    ///
    /// - Parameters:
    ///   - queueCapacity: records queued but not yet taken by the writer before callers wait.
    ///   - maxBatch: most records handed to the sink in one `write`.
    ///   - checkpoints: signs checkpoints into the chain (see ``AuditCheckpointing``): one when
    ///     the writer opens the log, then every N records or T seconds, and a final one at
    ///     ``shutdown()``; `nil` writes no checkpoints.
    public init(
        node: String,
        sink: any AuditSink,
        mode: DeliveryMode,
        failurePolicy: FailurePolicy,
        logger: Logger,
        queueCapacity: Int = 8192,
        maxBatch: Int = 2048,
        checkpoints: AuditCheckpointing? = nil
    ) {
        self.node = node
        self.mode = mode
        self.failurePolicy = failurePolicy
        self.writer = AuditWriter(
            node: node, sink: sink, mode: mode, failurePolicy: failurePolicy, logger: logger,
            capacity: max(1, queueCapacity), maxBatch: max(1, maxBatch),
            checkpointing: checkpoints)
    }

    deinit {
        writer.requestStop()
    }

    /// Records one guarded call. Returns when the record is queued (`async`), written to the
    /// operating system (`sync`) or on stable storage (`durable`).
    ///
    /// - Returns: the record's `seq` and `hash` in `sync` and `durable` mode; `nil` in `async`
    ///   mode (the record is sealed after the call returns) and for a record a fail-open log
    ///   could not write.
    ///
    /// - Throws: ``AuditError`` when the record could not be written and the policy is
    ///   fail-closed, after an earlier `async` write failure (fail-closed), or after
    ///   ``shutdown()``. With fail-open only a shut-down log throws.
    @discardableResult
    public func record(_ entry: AuditEntry) async throws(AuditError) -> AuditChainHead? {
        let prepared =
            if mode == .async, !writer.isBacklogged { PreparedEntry(deferring: entry) } else {
                PreparedEntry(entry: entry, node: node)
            }
        return try await writer.submit(prepared)
    }

    /// Waits until every record accepted before the call is written and synced.
    /// - Returns: the first write or sync failure since the previous flush, `nil` when there was none.
    @discardableResult
    public func flush() async -> AuditError? {
        await writer.flush()
    }

    /// Flushes the queue, syncs and closes the sink. Later ``record(_:)`` calls throw `.closed`.
    /// Call it after the producers stopped; calling it again waits for the first call to finish.
    public func shutdown() async {
        await writer.shutdown()
    }

    /// How many records could not be written (or synced) so far, under either failure policy.
    public var failureCount: Int { writer.failureCount }

    /// Records queued and not yet taken by the writer (the queue depth metric).
    public var queuedRecords: Int { writer.backlog.load(ordering: .relaxed) }

    /// Records queued for the writer and callers waiting for room, for tests.
    var writerStateForTesting: (queued: Int, blocked: Int) { writer.occupancy }

    /// The failure that makes a fail-closed `async` log refuse records, `nil` while healthy.
    public var failure: AuditError? { writer.stickyFailure }
}
