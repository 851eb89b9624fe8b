import Foundation
import Logging
import WardenAuditLog

/// An ``AuditLog`` over a ``JSONLFileSink`` in a fresh temporary directory, removed on close,
/// or over a ``NullAuditSink`` to measure the log without the file.
///
/// The sink is wrapped in a ``CountingSink`` so a benchmark can wait until records reached the
/// operating system without forcing an `fsync` (which `AuditLog.flush()` would).
final class TemporaryAuditLog: Sendable {
    /// The log producers write to.
    let log: AuditLog
    /// Counts the records the writer handed to the file sink.
    let counter: CountingSink
    /// The file sink's files.
    let fileSet: AuditFileSet
    private let directory: URL

    /// Opens a log in `mode`; the file rotates at `rotateAtBytes` so long throughput runs can
    /// drop their archives between iterations. With `discarding`, no file is written.
    init(mode: DeliveryMode, discarding: Bool = false, rotateAtBytes: Int64? = 64 << 20) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("warden-gateway-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("audit.jsonl").path
        fileSet = AuditFileSet(activePath: path)
        if discarding {
            counter = CountingSink(wrapping: NullAuditSink())
        } else {
            counter = CountingSink(wrapping: try JSONLFileSink(path: path, rotateAtBytes: rotateAtBytes))
        }
        log = AuditLog(
            node: "bench-1", sink: counter, mode: mode, failurePolicy: .failClosed,
            logger: Logger(label: "warden.bench.audit"))
    }

    /// Removes the archives rotated out so far (the active file stays, so the chain goes on).
    func dropArchives() throws {
        for archive in try fileSet.archives() {
            try FileManager.default.removeItem(atPath: archive.path)
        }
    }

    /// Flushes and closes the log, then removes the directory.
    func close() async {
        await log.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}
