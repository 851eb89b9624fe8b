/// Follows a chain record by record: each `seq` one more than the last, each `prev` the last hash.
struct ChainChecker {
    /// Where the chain was expected to start.
    private let start: AuditChainHead?
    /// The last accepted record, or the start; `nil` before the first record when any start is
    /// accepted.
    private var last: (seq: Int, hash: HashText)?
    /// How many records were accepted.
    private(set) var count = 0
    /// The first accepted record's seq.
    private(set) var firstSeq: Int?

    /// A checker expecting the chain to start after `start` (genesis for a whole log), or at any
    /// record when `start` is `nil` (a log whose beginning lives elsewhere).
    init(start: AuditChainHead?) {
        self.start = start
        last = start.map { ($0.seq, HashText($0.hash)) }
    }

    /// The last accepted record; the start before the first one (`nil` when any start is accepted).
    var head: AuditChainHead? {
        guard count > 0, let last else { return start }
        return AuditChainHead(seq: last.seq, hash: last.hash.string)
    }

    /// Accepts the next record or reports how the chain breaks there.
    /// - Parameter previousFile: the file read before this one, when `record` is a file's first.
    mutating func accept(
        _ record: AuditRecord, at location: AuditLocation, previousFile: String? = nil
    ) throws(AuditChainBreak) {
        try accept(ChainLink(record), at: location, previousFile: previousFile)
    }

    /// Accepts the next record or reports how the chain breaks there.
    /// - Parameter previousFile: the file read before this one, when `record` is a file's first.
    mutating func accept(
        _ record: ChainLink, at location: AuditLocation, previousFile: String? = nil
    ) throws(AuditChainBreak) {
        defer {
            count += 1
            if firstSeq == nil { firstSeq = record.seq }
        }
        guard let last else {
            self.last = (record.seq, record.hash)
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
        self.last = (record.seq, record.hash)
    }
}
