import PostgresNIO
import WardenAuditRecord

/// A node's last record in the store.
struct PostgresChainHead {
    /// Its seq and hash.
    var head: AuditChainHead
    /// Its id.
    var id: String

    /// The last record of `node`, or `nil` when the node has none.
    static func fetch(node: String, on connection: PostgresBlockingConnection) throws(PostgresAuditError)
        -> PostgresChainHead?
    {
        let rows = try connection.query(
            "SELECT seq, hash, id FROM audit_records WHERE node = \(node) ORDER BY seq DESC LIMIT 1")
        guard let row = rows.first else { return nil }
        do {
            let (seq, hash, id) = try row.decode((Int, String, String).self)
            return PostgresChainHead(head: AuditChainHead(seq: seq, hash: hash), id: id)
        } catch {
            throw PostgresAuditError(.queryFailed, "`\(connection.url)`: cannot read node `\(node)`'s head: \(error)")
        }
    }
}
