import Foundation
import Logging
import WardenAuditLog
import WardenAuditPostgres
import WardenAuditReview

/// Where `--audit` writes and `--db` reads: the one place that tells a PostgreSQL URL
/// (`postgres://...`) from a file path.
enum AuditDestination {
    /// The default `--node`: this machine's host name.
    static var defaultNode: String { ProcessInfo.processInfo.hostName }

    /// Whether `text` names a PostgreSQL store rather than a file.
    static func isPostgres(_ text: String) -> Bool { PostgresAuditURL.isPostgresURL(text) }

    /// The sink for `--audit`: the PostgreSQL store's chain of `node` for a URL, else a JSON Lines file.
    /// - Throws: ``AuditError`` when it cannot be opened; ``PostgresAuditError`` for a URL that does not parse.
    static func sink(for audit: String, node: String, logger: Logger) throws -> any AuditSink {
        if isPostgres(audit) {
            return try PostgresAuditSink(url: try PostgresAuditURL(audit), node: node, logger: logger)
        }
        return try JSONLFileSink(path: audit, logger: logger)
    }

    /// The store for `--db`: the PostgreSQL store for a URL, else the SQLite database file.
    /// - Throws: ``PostgresAuditError`` for a URL that does not parse.
    static func store(for database: String) throws(PostgresAuditError) -> any AuditStore {
        if isPostgres(database) { return PostgresAuditStore(url: try PostgresAuditURL(database)) }
        return SQLiteAuditStore(path: database)
    }

    /// A `--node` value checked: not empty, no control characters.
    static func checkedNode(_ node: String) throws(CommandFailure) -> String {
        guard !node.isEmpty, !node.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid("invalid --node `\(node)`: give a name without control characters, e.g. the host name")
        }
        return node
    }

    /// How to verify what `--audit` wrote, for messages: `--db URL` or the file.
    static func verifyArguments(for audit: String) -> String {
        isPostgres(audit) ? "--db '\(audit)'" : audit
    }
}
