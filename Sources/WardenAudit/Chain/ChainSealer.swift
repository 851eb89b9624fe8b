import Crypto

/// Turns prepared entries into chained records, one after the other. Owned by the single writer
/// of a log, so records are sealed in exactly one order.
struct ChainSealer {
    /// The last sealed record's seq and hash.
    private(set) var head: AuditChainHead
    /// The writing instance's name.
    let node: String
    private var ids = AuditRecordID()

    /// A sealer continuing the chain after `head`.
    init(head: AuditChainHead, node: String) {
        self.head = head
        self.node = node
    }

    /// Seals the next record: assigns `seq`, `id` and `prev`, computes `hash`, builds the line.
    mutating func seal(_ prepared: PreparedEntry) -> SealedRecord {
        let seq = head.seq + 1
        let id = ids.next(at: prepared.entry.time)
        var shared = ",\"id\":\""
        shared.reserveCapacity(prepared.middle.utf8.count + prepared.tail.utf8.count + 160)
        shared += id
        shared += "\","
        shared += prepared.middle
        shared += ",\"prev\":\""
        shared += head.hash
        shared += "\",\"seq\":"
        shared += String(seq)
        shared += ","
        shared += prepared.tail
        var hasher = SHA256()
        ChainHash.update(&hasher, head.hash)
        ChainHash.update(&hasher, prepared.head)
        ChainHash.update(&hasher, shared)
        let hash = ChainHash.hex(hasher.finalize())
        var line = prepared.head
        line.reserveCapacity(prepared.head.utf8.count + shared.utf8.count + 76)
        line += ",\"hash\":\""
        line += hash
        line += "\""
        line += shared
        let record = AuditRecord(entry: prepared.entry, id: id, seq: seq, node: node, prev: head.hash, hash: hash)
        head = AuditChainHead(seq: seq, hash: hash)
        return SealedRecord(record: record, line: line)
    }

    /// Forgets records sealed after `head` (they could not be written), so the chain continues
    /// from the last record a sink holds.
    mutating func rewind(to head: AuditChainHead) {
        self.head = head
    }
}
