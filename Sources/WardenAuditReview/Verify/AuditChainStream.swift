import WardenAuditRecord

/// Verifies one chain whose lines come from a store other than JSON Lines files (a database
/// that keeps several chains, one per node): each line must verify on its own (canonical form,
/// hash) and continue the chain (seq, `prev`, ids, times, checkpoint seals, signatures when
/// keys are given). The seam a store backend verifies through, so every store checks a chain
/// exactly as `verify` does over files.
package struct AuditChainStream {
    private var checker: ChainChecker
    private var checkpoints: CheckpointAudit

    /// A stream expecting a chain that starts at seq 1, or anywhere with `options.continued`.
    /// Pinned heads (`options.expectedHeads`) are the caller's business: they may sit in any
    /// chain of the store.
    package init(options: AuditVerifyOptions) {
        checker = ChainChecker(start: options.continued ? nil : .genesis, timeTolerance: options.timeTolerance)
        checkpoints = CheckpointAudit(keys: options.keys)
    }

    /// Accepts the next stored line; `rowSeq` is the seq its row is stored under.
    /// - Throws: ``AuditChainBreak`` where the line or the chain breaks.
    package mutating func accept(line: [UInt8], rowSeq: Int, at location: AuditLocation) throws(AuditChainBreak)
        -> AuditRecord
    {
        let record: AuditRecord
        do { record = try RecordLine.verify(line) } catch {
            throw AuditChainBreak(error.kind, at: location, seq: error.seq ?? rowSeq, error.message)
        }
        guard record.seq == rowSeq else {
            throw AuditChainBreak(
                .indexMismatch, at: location, seq: rowSeq,
                "row does not match its record: column `seq` was edited (the stored line holds seq \(record.seq))")
        }
        try checker.accept(record, at: location)
        if let checkpoint = record.checkpoint {
            try checkpoints.acceptCheckpoint(record, checkpoint, at: location)
        } else {
            try checkpoints.acceptCall(seq: record.seq, at: location)
        }
        return record
    }

    /// The result once every line was accepted (warnings for an unsigned tail).
    /// - Throws: ``AuditChainBreak`` when keys were given and the chain holds no checkpoint.
    package func finish() throws(AuditChainBreak) -> AuditVerification {
        let warnings = try checkpoints.finish(records: checker.count)
        return AuditVerification(
            records: checker.count, firstSeq: checker.firstSeq, head: checker.head ?? .genesis,
            checkpoints: checkpoints.checkpoints,
            signaturesChecked: checkpoints.checksSignatures, warnings: warnings)
    }
}
