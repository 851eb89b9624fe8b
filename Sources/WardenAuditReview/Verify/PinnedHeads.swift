import WardenAuditRecord

/// Record hashes kept elsewhere that a log must contain: each is ticked off as the chain passes
/// it, and any left at the end means records were cut from the end or rewritten.
struct PinnedHeads {
    private var missing: [(text: String, hash: HashText)]

    init(_ hashes: [String]) {
        missing = hashes.map { ($0, HashText($0)) }
    }

    /// Ticks off `hash` if it is pinned.
    mutating func pass(_ hash: HashText) {
        guard !missing.isEmpty else { return }
        missing.removeAll { $0.hash == hash }
    }

    /// Throws for the first pinned hash not seen, naming where the log ends.
    func finish(head: AuditChainHead?, at location: AuditLocation) throws(AuditChainBreak) {
        guard let first = missing.first else { return }
        let end = head.map { "it ends at seq \($0.seq) hash \($0.hash)" } ?? "it holds no record"
        throw AuditChainBreak(
            .expectedHeadMissing, at: location,
            "the expected head `\(first.text)` is not in the log (\(end)): records were cut from its end, or the "
                + "history up to that record was rewritten")
    }
}
