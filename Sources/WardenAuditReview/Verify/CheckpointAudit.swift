import WardenAuditRecord

/// Follows the checkpoints of a log during verification: checks each one's key and signature
/// (when keys are given), records after a final checkpoint, and the unsigned tail after the
/// last one. Chain structure (a checkpoint sealing the record before it) is ``ChainChecker``'s.
struct CheckpointAudit {
    /// Trusted keys by id; empty when signatures are not checked.
    private let keys: [String: AuditPublicKey]
    /// Checkpoints seen.
    private(set) var checkpoints = 0
    /// Checkpoints whose signature verified.
    private(set) var signed = 0
    /// The last checkpoint: its seq and whether it was final.
    private(set) var last: (seq: Int, isFinal: Bool)?
    /// Call records after the last checkpoint, and the first of them.
    private(set) var unsignedTail = 0
    private var firstUnsigned: (seq: Int, location: AuditLocation)?

    init(keys: [AuditPublicKey]) {
        self.keys = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether signatures are checked.
    var checksSignatures: Bool { !keys.isEmpty }

    /// Accepts a call record.
    mutating func acceptCall(seq: Int, at location: AuditLocation) throws(AuditChainBreak) {
        if checksSignatures, let last, last.isFinal, unsignedTail == 0 {
            throw AuditChainBreak(
                .appendedAfterClose, at: location, seq: seq,
                "records appended after the writer closed the log: seq \(last.seq) is a final checkpoint and this record "
                    + "follows it without a signed checkpoint of a writer opening the log again (it was forged or appended "
                    + "by something else)")
        }
        if unsignedTail == 0 { firstUnsigned = (seq, location) }
        unsignedTail += 1
    }

    /// Accepts a checkpoint record, checking its key and signature when keys are given.
    mutating func acceptCheckpoint(_ record: AuditRecord, _ checkpoint: AuditCheckpoint, at location: AuditLocation)
        throws(AuditChainBreak)
    {
        checkpoints += 1
        if checksSignatures {
            guard let key = keys[checkpoint.keyID] else {
                let known = keys.keys.sorted().map { "`\($0)`" }.joined(separator: ", ")
                throw AuditChainBreak(
                    .unknownKey, at: location, seq: record.seq,
                    "checkpoint signed by unknown key `\(checkpoint.keyID)` (the keys given are \(known)); give its public "
                        + "key with --key if it is yours, otherwise the checkpoint was forged")
            }
            guard
                key.isValidSignature(
                    checkpoint.signature, of: checkpoint.signedMessage(node: record.node, time: record.time))
            else {
                throw AuditChainBreak(
                    .badSignature, at: location, seq: record.seq,
                    "bad checkpoint signature: the signature does not verify with key `\(key.id)` (the checkpoint or the "
                        + "head it seals was altered)")
            }
            signed += 1
        }
        last = (record.seq, checkpoint.isFinal)
        unsignedTail = 0
        firstUnsigned = nil
    }

    /// The outcome once every record was read: a break for a log with records but no
    /// checkpoint (when keys are given), else warnings about an unsigned end.
    func finish(records: Int) throws(AuditChainBreak) -> [String] {
        guard checksSignatures, records > 0 else { return [] }
        guard let last else {
            throw AuditChainBreak(
                .unsignedLog, at: firstUnsigned?.location ?? AuditLocation(path: "", line: nil),
                seq: firstUnsigned?.seq,
                "no signed checkpoint in the log: it was not written with a signing key, or it was rewritten without one"
            )
        }
        if let firstUnsigned {
            return [
                "unsigned tail: \(unsignedTail) record\(unsignedTail == 1 ? "" : "s") from seq \(firstUnsigned.seq) "
                    + "(\(firstUnsigned.location)) follow the last checkpoint (seq \(last.seq)) and are not signed: the "
                    + "writer is still running or stopped without closing the log; pin the head (--expect-head) to detect a cut"
            ]
        }
        if !last.isFinal {
            return [
                "the log ends with checkpoint seq \(last.seq), not a final one: the writer is still running or stopped without "
                    + "closing the log; pin the head (--expect-head) to detect a cut"
            ]
        }
        return []
    }
}
