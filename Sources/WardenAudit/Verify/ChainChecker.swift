/// Follows a chain record by record: each `seq` one more than the last, each `prev` the last hash.
struct ChainChecker {
    /// The last accepted record; `nil` before the first one when any start is accepted.
    private(set) var head: AuditChainHead?
    /// How many records were accepted.
    private(set) var count = 0
    /// The first accepted record's seq.
    private(set) var firstSeq: Int?

    /// A checker expecting the chain to start after `start` (genesis for a whole log), or at any
    /// record when `start` is `nil` (a log whose beginning lives elsewhere).
    init(start: AuditChainHead?) {
        head = start
    }

    /// Accepts the next record or reports how the chain breaks there.
    /// - Parameter previousFile: the file read before this one, when `record` is a file's first.
    mutating func accept(
        _ record: AuditRecord, at location: AuditLocation, previousFile: String? = nil
    ) throws(AuditChainBreak) {
        defer {
            count += 1
            if firstSeq == nil { firstSeq = record.seq }
        }
        guard let last = head else {
            head = AuditChainHead(seq: record.seq, hash: record.hash)
            return
        }
        let expected = last.seq + 1
        if record.seq > expected {
            if last.seq == 0 {
                throw AuditChainBreak(
                    .missingStart, at: location, seq: record.seq,
                    "the log starts at seq \(record.seq), not 1: its first \(record.seq - 1) records were removed, "
                        + "or earlier files are missing (give every file from the first, or use --continued)")
            }
            if let previousFile {
                throw AuditChainBreak(
                    .missingFile, at: location, seq: record.seq,
                    "records seq \(expected)...\(record.seq - 1) are missing between `\(previousFile)` (ends at seq "
                        + "\(last.seq)) and this file: a file is missing or records were removed")
            }
            let missing = record.seq - expected
            throw AuditChainBreak(
                .sequenceGap, at: location, seq: record.seq,
                "sequence gap: expected seq \(expected), found seq \(record.seq): \(missing) record"
                    + "\(missing == 1 ? " was" : "s were") removed")
        }
        if record.seq < expected {
            if let previousFile {
                throw AuditChainBreak(
                    .filesOutOfOrder, at: location, seq: record.seq,
                    "files out of order: this file starts at seq \(record.seq) but `\(previousFile)` ended at seq "
                        + "\(last.seq); give the files in chain order (archives by number, then the active file)")
            }
            throw AuditChainBreak(
                .outOfOrder, at: location, seq: record.seq,
                "records out of order: expected seq \(expected), found seq \(record.seq) (a record was moved or duplicated)")
        }
        guard record.prev == last.hash else {
            let previous = previousFile.map { "the last record of `\($0)`" } ?? "the record before"
            throw AuditChainBreak(
                .chainBroken, at: location, seq: record.seq,
                "chain broken: `prev` does not match the hash of seq \(last.seq) (\(previous) was replaced or altered)")
        }
        head = AuditChainHead(seq: record.seq, hash: record.hash)
    }
}
