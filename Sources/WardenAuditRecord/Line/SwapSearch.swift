/// Tells two swapped records from removed ones after a forward jump in `seq`.
///
/// When records `a` and `b` (`a < b`) trade places, the chain reads `a-1, b, a+1 ... b-1, a,
/// b+1`: the jump to `b` looks like a gap, but the records after it still link to each other,
/// and `a` turns up later linking to `a-1`, with `b` linking to `b-1`. The search follows that
/// run for a bounded number of records; anything else, or the end of the records, is the gap.
struct SwapSearch {
    /// How many records after the jump are followed before it is reported as a gap.
    package static let limit = 100_000

    /// The record before the jump.
    package let before: ChainChecker.Linked
    /// The record the chain jumped to.
    let jumped: ChainLink
    /// Where it stands.
    let jumpLocation: AuditLocation
    /// The break reported when the jump is no swap.
    let gap: AuditChainBreak
    /// The `prev` of the first record of the run after the jump (the hash of the missing record).
    private var runFirstPrev: HashText?
    /// The last record of the run after the jump.
    private var runLast: (seq: Int, hash: HashText)?
    private var followed = 0

    init(before: ChainChecker.Linked, jumped: ChainLink, jumpLocation: AuditLocation, gap: AuditChainBreak) {
        self.before = before
        self.jumped = jumped
        self.jumpLocation = jumpLocation
        self.gap = gap
    }

    /// Follows the next record; throws the swap once it is proven, the gap when it cannot be.
    package mutating func next(_ record: ChainLink, at location: AuditLocation) throws(AuditChainBreak) {
        followed += 1
        let missing = before.seq + 1
        if record.seq == missing, record.prev == before.hash {
            let linksBack: Bool
            if let runLast, let runFirstPrev {
                linksBack = runFirstPrev == record.hash && runLast.seq == jumped.seq - 1 && jumped.prev == runLast.hash
            } else {
                linksBack = jumped.seq == missing + 1 && jumped.prev == record.hash
            }
            guard linksBack else { throw gap }
            throw AuditChainBreak(
                .swappedRecords, at: jumpLocation, seq: jumped.seq,
                "records \(missing) and \(jumped.seq) are swapped: seq \(jumped.seq) stands at \(jumpLocation) and seq \(missing) "
                    + "at \(location) (the lines were moved; every hash still matches)")
        }
        let expected = runLast.map { $0.seq + 1 } ?? missing + 1
        guard record.seq == expected, record.seq < jumped.seq, followed < Self.limit else { throw gap }
        if let runLast {
            guard record.prev == runLast.hash else { throw gap }
        } else {
            runFirstPrev = record.prev
        }
        runLast = (record.seq, record.hash)
    }
}
