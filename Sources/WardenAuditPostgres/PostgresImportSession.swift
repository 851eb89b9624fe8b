import WardenAuditRecord

/// The reading side of one import: the node, where its chain stood in the store, which records
/// are already there (skipped) and which continue it (admitted).
struct PostgresImportSession {
    let connection: PostgresBlockingConnection
    let continued: Bool
    let location: AuditLocation
    /// The node of the imported chain (its first record's).
    private(set) var node: String?
    /// The node's head in the store before the import.
    private var storeHead: AuditChainHead?
    private(set) var imported = 0
    private(set) var skipped = 0
    /// The chain's head after the last record admitted.
    private(set) var head = AuditChainHead.genesis
    private var sawFirst = false

    init(connection: PostgresBlockingConnection, continued: Bool, location: AuditLocation) {
        self.connection = connection
        self.continued = continued
        self.location = location
    }

    /// Whether `record` is new (to be loaded), `false` when the store holds it already.
    /// - Throws: ``AuditChainBreak`` when it does not belong to this node's chain in the store.
    mutating func admit(_ record: AuditRecord) throws(AuditChainBreak) -> Bool {
        let at = AuditLocation(path: "\(location.path) node \(record.node)", line: nil)
        if !sawFirst {
            sawFirst = true
            node = record.node
            do { storeHead = try PostgresChainHead.fetch(node: record.node, on: connection)?.head } catch {
                throw AuditChainBreak(.unreadable, at: location, error.message)
            }
            if storeHead == nil, !continued, record.seq != 1 || record.prev != AuditChainHead.genesis.hash {
                throw AuditChainBreak(
                    .missingStart, at: at, seq: record.seq,
                    "the files start at seq \(record.seq), not at the start of a chain; give the earlier files too, or --continued to start there"
                )
            }
        }
        guard record.node == node else {
            throw AuditChainBreak(
                .chainBroken, at: at, seq: record.seq,
                "record of node `\(record.node)` in a chain of node `\(node ?? "")`: the PostgreSQL store keeps one chain per node, "
                    + "so a log whose writer changed its node name cannot be imported as one chain")
        }
        if let storeHead, record.seq <= storeHead.seq {
            if record.seq == storeHead.seq, record.hash != storeHead.hash {
                throw AuditChainBreak(
                    .chainBroken, at: at, seq: record.seq,
                    "the files hold another chain than the store: node `\(record.node)` seq \(record.seq) has hash \(storeHead.hash) in the store"
                )
            }
            skipped += 1
            head = AuditChainHead(seq: record.seq, hash: record.hash)
            return false
        }
        if let storeHead, imported == 0 {
            guard record.seq == storeHead.seq + 1, record.prev == storeHead.hash else {
                throw AuditChainBreak(
                    .sequenceGap, at: at, seq: record.seq,
                    "the files do not continue the store's chain of node `\(record.node)` (it ends at \(storeHead))")
            }
        }
        imported += 1
        head = AuditChainHead(seq: record.seq, hash: record.hash)
        return true
    }
}
