import Crypto
import WardenValue

/// Turns prepared entries into chained records, one after the other. Owned by the single writer
/// of a log, so records are sealed in exactly one order.
package struct ChainSealer {
    /// The last sealed record's seq and hash.
    package private(set) var head: AuditChainHead
    /// The writing instance's name.
    package let node: String
    private var ids = AuditRecordID()
    /// The time of the last call record sealed by this sealer, `nil` before the first.
    package private(set) var lastRecordTime: AuditTime?

    /// A sealer continuing the chain after `head`, with ids after `lastID` (the head's id).
    package init(head: AuditChainHead, node: String, lastID: String? = nil) {
        self.head = head
        self.node = node
        ids = AuditRecordID(after: lastID)
    }

    /// Seals the next record: assigns `seq`, `id` and `prev`, computes `hash`, builds the line.
    ///
    /// The line is built once, with a placeholder where the hash goes; the hash covers `prev`
    /// and the line without its `hash` member, then replaces the placeholder.
    package mutating func seal(_ prepared: PreparedEntry) -> SealedRecord {
        let seq = head.seq + 1
        let id = ids.next(at: prepared.entry.time)
        let encoded = prepared.fields(node: node)
        let fields = encoded.bytes
        var line: [UInt8] = []
        line.reserveCapacity(fields.count + 256)
        line.append(contentsOf: fields[..<encoded.middleStart])
        let hashMemberStart = line.count
        line.append(literal: #","hash":""#)
        let hashStart = line.count
        line.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 64))
        line.append(UInt8(ascii: "\""))
        let hashMemberEnd = line.count
        line.append(literal: #","id":""#)
        line.append(contentsOf: id.utf8)
        line.append(literal: #"","#)
        line.append(contentsOf: fields[encoded.middleStart..<encoded.tailStart])
        line.append(literal: #","prev":""#)
        line.append(contentsOf: head.hash.utf8)
        line.append(literal: #"","seq":"#)
        Value.int(seq).writeCanonicalJSON(into: &line)
        line.append(UInt8(ascii: ","))
        line.append(contentsOf: fields[encoded.tailStart...])
        var hasher = SHA256()
        ChainHash.update(&hasher, head.hash)
        line.withUnsafeBytes { bytes in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[..<hashMemberStart]))
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: bytes[hashMemberEnd...]))
        }
        let digest = hasher.finalize()
        line.withUnsafeMutableBufferPointer { bytes in
            ChainHash.writeHex(digest, into: UnsafeMutableBufferPointer(rebasing: bytes[hashStart..<hashStart + 64]))
        }
        let hash = String(decoding: line[hashStart..<hashStart + 64], as: UTF8.self)
        let record = AuditRecord(entry: prepared.entry, id: id, seq: seq, node: node, prev: head.hash, hash: hash)
        head = AuditChainHead(seq: seq, hash: hash)
        lastRecordTime = prepared.entry.time
        return SealedRecord(record: record, lineBytes: line)
    }

    /// The next record id, for a record made at `time`.
    mutating func nextID(at time: AuditTime) -> String { ids.next(at: time) }

    /// Moves the head past a record sealed elsewhere in this type (a checkpoint).
    mutating func advance(to head: AuditChainHead) {
        self.head = head
    }

    /// Forgets records sealed after `head` (they could not be written), so the chain continues
    /// from the last record a sink holds.
    package mutating func rewind(to head: AuditChainHead) {
        self.head = head
    }
}
