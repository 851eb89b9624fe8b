/// Follows a chain record by record: each `seq` one more than the last, each `prev` the last
/// hash, ids strictly increasing, times not going backwards by more than a tolerance, and each
/// checkpoint sealing the record before it. Used by `verify` and by the review commands as they
/// read.
package struct ChainChecker {
    /// The last accepted record.
    struct Linked {
        package var seq: Int
        package var hash: HashText
        package var id: RecordIDOrder?
        package var time: AuditTime?
    }

    /// How far a record's time may lie before the previous record's (default 10 s): concurrent
    /// callers take their times before the writer orders their records, and a caller delayed
    /// between the two (a busy machine) must not make an honest log fail.
    static let defaultTimeTolerance: Duration = .seconds(10)

    /// Where the chain was expected to start.
    private let start: AuditChainHead?
    /// The last accepted record, or the start; `nil` before the first record when any start is
    /// accepted.
    private var last: Linked?
    /// How far back a time may go, in microseconds.
    private let toleranceMicros: Int64
    /// Whether a forward jump is followed to tell a swap from a gap (``SwapSearch``).
    private let searchesSwaps: Bool
    /// A forward jump in `seq` under inspection: a gap, or the first half of a swap.
    private var jump: SwapSearch?
    /// How many records were accepted.
    package private(set) var count = 0
    /// The first accepted record's seq.
    package private(set) var firstSeq: Int?

    /// A checker expecting the chain to start after `start` (genesis for a whole log), or at any
    /// record when `start` is `nil` (a log whose beginning lives elsewhere).
    ///
    /// With `searchesSwaps`, a forward jump is reported only after the records following it
    /// showed whether two records were swapped (`verify`); without, at once (readers that act
    /// on each record as it comes, like import and the review commands).
    package init(
        start: AuditChainHead?, timeTolerance: Duration = ChainChecker.defaultTimeTolerance, searchesSwaps: Bool = false
    ) {
        self.start = start
        self.searchesSwaps = searchesSwaps
        last = start.map { Linked(seq: $0.seq, hash: HashText($0.hash), id: nil, time: nil) }
        let parts = timeTolerance.components
        toleranceMicros = max(0, parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000)
    }

    /// The last accepted record; the start before the first one (`nil` when any start is accepted).
    package var head: AuditChainHead? {
        guard count > 0, let last else { return start }
        return AuditChainHead(seq: last.seq, hash: last.hash.string)
    }

    /// Accepts the next record or reports how the chain breaks there.
    /// - Parameter previousFile: the file read before this one, when `record` is a file's first.
    package mutating func accept(
        _ record: AuditRecord, at location: AuditLocation, previousFile: String? = nil
    ) throws(AuditChainBreak) {
        try accept(ChainLink(record), at: location, previousFile: previousFile)
    }

    /// Accepts the next record or reports how the chain breaks there.
    ///
    /// A forward jump in `seq` is not reported at once: the records after it are followed for a
    /// while to tell two swapped records (reported as a swap) from removed ones (a gap).
    /// - Parameter previousFile: the file read before this one, when `record` is a file's first.
    package mutating func accept(
        _ record: ChainLink, at location: AuditLocation, previousFile: String? = nil
    ) throws(AuditChainBreak) {
        defer {
            count += 1
            if firstSeq == nil { firstSeq = record.seq }
        }
        if var search = jump {
            try search.next(record, at: location)
            jump = search
            return
        }
        guard let last else {
            try checkSeal(record, at: location)
            self.last = Linked(seq: record.seq, hash: record.hash, id: record.id, time: record.time)
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
            let gap = AuditChainBreak(
                .sequenceGap, at: location, seq: record.seq,
                "sequence gap: expected seq \(expected), found seq \(record.seq): \(missing) record"
                    + "\(missing == 1 ? " was" : "s were") removed")
            guard searchesSwaps else { throw gap }
            jump = SwapSearch(before: last, jumped: record, jumpLocation: location, gap: gap)
            return
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
                "records out of order: expected seq \(expected), found seq \(record.seq) (a record was moved or duplicated)"
            )
        }
        guard record.prev == last.hash else {
            let previous = previousFile.map { "the last record of `\($0)`" } ?? "the record before"
            throw AuditChainBreak(
                .chainBroken, at: location, seq: record.seq,
                "chain broken: `prev` does not match the hash of seq \(last.seq) (\(previous) was replaced or altered)")
        }
        try checkSeal(record, at: location)
        if let id = last.id, record.id <= id {
            throw AuditChainBreak(
                .idOutOfOrder, at: location, seq: record.seq,
                record.id == id
                    ? "duplicate id: seq \(record.seq) repeats the id of seq \(last.seq) (a record was copied)"
                    : "id out of order: seq \(record.seq) has a smaller id than seq \(last.seq) (ids only increase; a record was moved or forged)"
            )
        }
        if let time = last.time, record.time.microseconds < time.microseconds - toleranceMicros {
            throw AuditChainBreak(
                .timeOutOfOrder, at: location, seq: record.seq,
                "time goes backwards: seq \(record.seq) has time \(record.time), before seq \(last.seq) at \(time) by more than "
                    + "the tolerance of \(Self.describe(micros: toleranceMicros)) (the record was altered or forged; "
                    + "see --time-tolerance)")
        }
        self.last = Linked(seq: record.seq, hash: record.hash, id: record.id, time: record.time)
    }

    /// Reports a forward jump still under inspection when the records end: it was a gap.
    package mutating func finish() throws(AuditChainBreak) {
        if let jump {
            self.jump = nil
            throw jump.gap
        }
    }

    /// A checkpoint must seal exactly the record before it (its own `seq - 1` and `prev`).
    private func checkSeal(_ record: ChainLink, at location: AuditLocation) throws(AuditChainBreak) {
        guard let sealed = record.sealed else { return }
        guard sealed.seq == record.seq - 1, sealed.hash == record.prev else {
            throw AuditChainBreak(
                .checkpointMismatch, at: location, seq: record.seq,
                "checkpoint does not match the chain: it seals seq \(sealed.seq) hash \(sealed.hash.string), but stands after "
                    + "seq \(record.seq - 1) hash \(record.prev.string) (the history before it was rewritten)")
        }
    }

    private static func describe(micros: Int64) -> String {
        micros % 1_000_000 == 0 ? "\(micros / 1_000_000) s" : "\(micros) µs"
    }
}
