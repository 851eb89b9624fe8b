import Logging
import WardenAudit

/// How the commands that write an audit log (`run`, `serve`) open it: a JSON Lines file,
/// created if missing and continued otherwise, fail-closed, in the chosen delivery mode.
enum AuditLogFile {
    /// Opens `path` as the audit log of `node`.
    /// - Throws: ``CLIError/invalid(_:)`` when the file cannot be opened or its chain not continued.
    static func open(_ path: String, node: String, mode: DeliveryMode, logger: Logger) throws -> AuditLog {
        let file: JSONLFileSink
        do { file = try JSONLFileSink(path: path, logger: logger) } catch { throw CLIError.invalid(error.message) }
        return AuditLog(node: node, sink: file, mode: mode, failurePolicy: .failClosed, logger: logger)
    }
}
