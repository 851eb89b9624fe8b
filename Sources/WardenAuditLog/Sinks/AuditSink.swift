import WardenAuditRecord

/// Where sealed records go: a small backend protocol in the shape of swift-log's `LogHandler`.
///
/// ``AuditLog`` calls a sink from its single writer thread, one call at a time, so sinks need no
/// ordering logic of their own. Contract:
/// - ``write(_:)`` appends the whole batch, in order, or throws and holds none of it (a sink that
///   cannot undo a partial write must refuse every later write with `.sinkBroken`);
/// - after ``write(_:)`` returns, the records have reached the operating system;
/// - after ``sync()`` returns, everything written is on stable storage;
/// - ``close()`` syncs and releases the sink; no call follows it.
public protocol AuditSink: Sendable {
    /// The last record the sink holds (``AuditChainHead/genesis`` when empty): the log continues
    /// the chain after it.
    var chainHead: AuditChainHead { get }

    /// The `id` of that last record, when the sink knows it (`nil` when empty): a writer
    /// resuming the log makes its ids greater, so ids keep increasing even if the clock was set
    /// back between runs.
    var lastRecordID: String? { get }

    /// After a failed ``write(_:)``: where the chain really continues, when the sink found that
    /// it holds more than the writer believed (a remote store whose commit answer was lost did
    /// commit); the writer then continues after it instead of reusing those seqs. `nil` (the
    /// default) keeps the writer's head from before the failed batch.
    var headAfterFailure: AuditChainHead? { get }

    /// Appends a batch of records in order, all or nothing.
    func write(_ batch: [SealedRecord]) throws(AuditError)

    /// Makes every written record durable.
    func sync() throws(AuditError)

    /// Syncs and releases the sink.
    func close() throws(AuditError)
}

extension AuditSink {
    /// Not known by default.
    public var lastRecordID: String? { nil }

    /// A local sink knows what it holds: the writer's own head is right.
    public var headAfterFailure: AuditChainHead? { nil }
}
