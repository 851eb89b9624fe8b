import Crypto
import WardenValue

extension ChainSealer {
    /// Seals a checkpoint record after the current head, signed with `key`.
    ///
    /// - Parameters:
    ///   - time: the checkpoint's time (also signed).
    ///   - isFinal: whether the writer is closing the log.
    package mutating func sealCheckpoint(signedWith key: AuditSigningKey, at time: AuditTime, isFinal: Bool)
        -> SealedRecord
    {
        let sealed = head
        let message = AuditCheckpoint.signedMessage(
            node: node, sealedSeq: sealed.seq, sealedHash: sealed.hash, time: time, keyID: key.publicKey.id,
            isFinal: isFinal)
        let checkpoint = AuditCheckpoint(
            sealedSeq: sealed.seq, sealedHash: sealed.hash, keyID: key.publicKey.id, isFinal: isFinal,
            signature: key.sign(message))
        let seq = sealed.seq + 1
        var record = AuditRecord(
            checkpoint: checkpoint, id: nextID(at: time), seq: seq, time: time, node: node, prev: sealed.hash, hash: "")
        var body: [UInt8] = []
        Value.map(record.valueWithoutHash).writeCanonicalJSON(into: &body)
        var hasher = SHA256()
        ChainHash.update(&hasher, sealed.hash)
        hasher.update(data: body)
        record.hash = ChainHash.hex(hasher.finalize())
        var line: [UInt8] = []
        record.value.writeCanonicalJSON(into: &line)
        advance(to: AuditChainHead(seq: seq, hash: record.hash))
        return SealedRecord(record: record, lineBytes: line)
    }
}
