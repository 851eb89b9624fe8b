import GRDB
import PostgresNIO

@testable import WardenAuditPostgres

/// Edits a store behind the writer's back, as someone with write access to it could.
enum StoreTampering {
    /// Replaces `text` by `replacement` in the stored line of record `seq`.
    static func replaceInLine(_ fixture: StoreFixture, seq: Int, _ text: String, with replacement: String) throws {
        switch fixture.kind {
        case .sqlite:
            let queue = try DatabaseQueue(path: fixture.location)
            try queue.write { db in
                try db.execute(
                    sql: "UPDATE audit_records SET line = replace(line, ?, ?) WHERE seq = ?",
                    arguments: [text, replacement, seq])
            }
            try queue.close()
        case .postgres:
            guard let url = fixture.url else { return }
            let connection = try PostgresBlockingConnection.connect(url)
            defer { connection.close() }
            try connection.query(
                "UPDATE audit_records SET line = replace(line, \(text), \(replacement)) WHERE seq = \(seq)")
        }
    }
}
