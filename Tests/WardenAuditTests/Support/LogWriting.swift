import Logging
import WardenAuditLog
import WardenAuditRecord

/// A logger that prints nothing, for tests that provoke errors on purpose.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Writes `count` records to the JSON Lines log at `path` in sync mode and closes it. By default
/// the entries are `Entries.varied(n)` numbered on from the records the log holds, so a log
/// written in several runs keeps its times going forward.
func writeLog(
    _ path: String, count: Int, rotateAtBytes: Int64? = nil, entry: ((Int) -> AuditEntry)? = nil
) async throws {
    let sink = try JSONLFileSink(path: path, rotateAtBytes: rotateAtBytes, logger: quietLogger)
    let log = AuditLog(node: "test", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
    let first = sink.chainHead.seq
    for i in 0..<count { try await log.record(entry?(i) ?? Entries.varied(first + i)) }
    await log.shutdown()
}
