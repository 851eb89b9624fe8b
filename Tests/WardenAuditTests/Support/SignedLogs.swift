import Foundation
import WardenAuditLog
import WardenAuditRecord

/// Writes `count` records (times from now on, one millisecond apart) to a log signed with `key`
/// in sync mode, and closes it.
func writeSignedLog(
    _ path: String, key: AuditSigningKey, count: Int, everyRecords: Int = 10, rotateAtBytes: Int64? = nil,
    entry: (Int) -> AuditEntry = { signedEntry($0) }
) async throws {
    let sink = try JSONLFileSink(path: path, rotateAtBytes: rotateAtBytes, logger: quietLogger)
    let log = AuditLog(
        node: "test", sink: sink, mode: .sync, failurePolicy: .failClosed, logger: quietLogger,
        checkpoints: AuditCheckpointing(key: key, everyRecords: everyRecords, interval: .seconds(3600)))
    for i in 0..<count { try await log.record(entry(i)) }
    await log.shutdown()
}

/// Entry `n` of a signed log: alternately allowed and denied, `n` milliseconds after the start.
func signedEntry(_ n: Int) -> AuditEntry {
    var entry = Entries.spawn(decision: n % 2 == 0 ? .allow : .deny)
    entry.time = AuditTime.now().adding(microseconds: Int64(n) * 1000)
    return entry
}
