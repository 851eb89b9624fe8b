import Logging
import WardenAudit

/// A logger that prints nothing, for tests that provoke errors on purpose.
let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// Writes `count` records to the JSON Lines log at `path` in sync mode and closes it.
func writeLog(
    _ path: String, count: Int, rotateAtBytes: Int64? = nil, entry: (Int) -> AuditEntry = { Entries.varied($0) }
) async throws {
    let sink = try JSONLFileSink(path: path, rotateAtBytes: rotateAtBytes, logger: quietLogger)
    let log = AuditLog(node: "test", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger)
    for i in 0..<count { try await log.record(entry(i)) }
    await log.shutdown()
}
