/// What a successful verification covered.
public struct AuditVerification: Sendable, Hashable, CustomStringConvertible {
    /// How many records were verified.
    public var records: Int
    /// The first record's seq (1 unless verification accepted a continued start); `nil` when empty.
    public var firstSeq: Int?
    /// The last record's seq and hash; compare the hash with an externally kept copy to detect
    /// records removed from the end.
    public var head: AuditChainHead

    /// Creates a summary.
    public init(records: Int, firstSeq: Int?, head: AuditChainHead) {
        self.records = records
        self.firstSeq = firstSeq
        self.head = head
    }

    /// `ok: 120 records, seq 1...120, head <hash>`.
    public var description: String {
        guard let firstSeq, records > 0 else { return "ok: 0 records" }
        return "ok: \(records) record\(records == 1 ? "" : "s"), seq \(firstSeq)...\(head.seq), head \(head.hash)"
    }
}
