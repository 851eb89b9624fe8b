import PostgresNIO
import WardenAuditRecord

@testable import WardenAuditPostgres

/// A node's records as the store holds them, read straight from the table.
struct StoredChain {
    /// Each stored record's hash, by seq.
    let hashes: [Int: String]
    /// Each stored record's caller pid, by seq.
    let callers: [Int: String]

    init(node: String, url: PostgresAuditURL) throws {
        let connection = try PostgresBlockingConnection.connect(url)
        defer { connection.close() }
        var hashes: [Int: String] = [:]
        var callers: [Int: String] = [:]
        for row in try connection.query("SELECT seq, hash, caller_pid FROM audit_records WHERE node = \(node)") {
            let (seq, hash, caller) = try row.decode((Int, String, String?).self)
            hashes[seq] = hash
            if let caller { callers[seq] = caller }
        }
        self.hashes = hashes
        self.callers = callers
    }

    /// The acknowledgements whose record is not stored with the acknowledged hash.
    func missing(_ acknowledged: [AuditChainHead]) -> [AuditChainHead] {
        acknowledged.filter { hashes[$0.seq] != $0.hash }
    }

    /// Whether the seqs run from 1 to the highest without a hole.
    var isContiguous: Bool { hashes.keys.max().map { $0 == hashes.count } ?? true }
}
