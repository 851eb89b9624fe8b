import Logging
import WardenAuditLog

/// How the commands that write an audit log (`run`, `serve`) open it: a JSON Lines file
/// (created if missing, continued otherwise) or a PostgreSQL store's chain of `node` for a
/// `postgres://` URL (``AuditDestination``), fail-closed, in the chosen delivery mode.
enum AuditLogFile {
    /// Opens `path` (a file or a `postgres://` URL) as the audit log of `node`.
    /// - Throws: ``CommandFailure.invalid(_:)`` when the file cannot be opened or its chain not continued.
    static func open(_ path: String, node: String, mode: DeliveryMode, logger: Logger) throws -> AuditLog {
        let file: any AuditSink
        do {
            file = try AuditDestination.sink(for: path, node: node, logger: logger)
        } catch let error as AuditError {
            throw CommandFailure.invalid(error.message)
        } catch {
            throw CommandFailure.invalid("\(error)")
        }
        return AuditLog(node: node, sink: file, mode: mode, failurePolicy: .failClosed, logger: logger)
    }
}
