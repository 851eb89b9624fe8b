import WardenAuditRecord

/// What a successful verification covered.
public struct AuditVerification: Sendable, Hashable, CustomStringConvertible {
    /// How many records were verified (checkpoints included).
    public var records: Int
    /// The first record's seq (1 unless verification accepted a continued start); `nil` when empty.
    public var firstSeq: Int?
    /// The last record's seq and hash; compare the hash with an externally kept copy to detect
    /// records removed from the end.
    public var head: AuditChainHead
    /// How many of the records are checkpoints.
    public var checkpoints: Int
    /// Whether checkpoint signatures were checked (keys were given).
    public var signaturesChecked: Bool
    /// What verified but deserves attention (an unsigned tail), one sentence each.
    public var warnings: [String]

    /// Creates a summary.
    public init(
        records: Int, firstSeq: Int?, head: AuditChainHead, checkpoints: Int = 0, signaturesChecked: Bool = false,
        warnings: [String] = []
    ) {
        self.records = records
        self.firstSeq = firstSeq
        self.head = head
        self.checkpoints = checkpoints
        self.signaturesChecked = signaturesChecked
        self.warnings = warnings
    }

    /// `ok: 120 records, seq 1...120, head <hash>`, then what was said of the checkpoints.
    public var description: String {
        guard let firstSeq, records > 0 else { return "ok: 0 records" }
        var text = "ok: \(records) record\(records == 1 ? "" : "s"), seq \(firstSeq)...\(head.seq), head \(head.hash)"
        if signaturesChecked {
            text += "; \(checkpoints) signed checkpoint\(checkpoints == 1 ? "" : "s") verified"
        } else if checkpoints > 0 {
            text += "; \(checkpoints) checkpoint\(checkpoints == 1 ? "" : "s"), signatures not checked (give --key)"
        }
        return text
    }
}
