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
        // `shared` follows the hash field: `,"id":"…",<middle>,"prev":"…","seq":N,<tail>`.
        var shared: [UInt8] = []
        shared.reserveCapacity(prepared.middle.count + prepared.tail.count + 160)
        shared.append(contentsOf: #","id":""#.utf8)
        shared.append(contentsOf: id.utf8)
        shared.append(contentsOf: #"","#.utf8)
        shared.append(contentsOf: prepared.middle)
        shared.append(contentsOf: #","prev":""#.utf8)
        shared.append(contentsOf: head.hash.utf8)
        shared.append(contentsOf: #"","seq":"#.utf8)
        shared.append(contentsOf: String(seq).utf8)
        shared.append(UInt8(ascii: ","))
        shared.append(contentsOf: prepared.tail)
        var hasher = SHA256()
        ChainHash.update(&hasher, head.hash)
        hasher.update(data: prepared.head)
        hasher.update(data: shared)
        let hash = ChainHash.hex(hasher.finalize())
        var line = prepared.head
        line.reserveCapacity(prepared.head.count + shared.count + 76)
        line.append(contentsOf: #","hash":""#.utf8)
        line.append(contentsOf: hash.utf8)
        line.append(UInt8(ascii: "\""))
        line.append(contentsOf: shared)
        let record = AuditRecord(entry: prepared.entry, id: id, seq: seq, node: node, prev: head.hash, hash: hash)
        head = AuditChainHead(seq: seq, hash: hash)
        return SealedRecord(record: record, lineBytes: line)
    }

    /// Forgets records sealed after `head` (they could not be written), so the chain continues
    /// from the last record a sink holds.
    mutating func rewind(to head: AuditChainHead) {
        self.head = head
    }
}
