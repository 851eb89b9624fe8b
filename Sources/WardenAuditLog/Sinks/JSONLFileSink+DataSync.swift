import Logging

extension JSONLFileSink {
    /// Opens the log like ``init(path:rotateAtBytes:logger:)`` but flushes its files with
    /// `dataSync` instead of the system's data sync, so tests can observe when data is synced.
    convenience init(path: String, rotateAtBytes: Int64? = nil, logger: Logger, dataSync: DataSync) throws(AuditError) {
        try self.init(path: path, rotateAtBytes: rotateAtBytes, logger: logger)
        state.withLock { $0.dataSync = dataSync }
    }
}
