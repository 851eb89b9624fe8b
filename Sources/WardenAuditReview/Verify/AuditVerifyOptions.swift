import WardenAuditRecord

/// What `verify` checks beyond the hash chain.
public struct AuditVerifyOptions: Sendable {
    /// Accept a first record that is not seq 1 (the log's beginning lives elsewhere).
    public var continued: Bool
    /// Public keys whose checkpoints are trusted. Empty: checkpoints are checked for their place
    /// in the chain only, their signatures are not checked.
    public var keys: [AuditPublicKey]
    /// Record hashes kept elsewhere (pinned heads) that the log must contain unchanged.
    public var expectedHeads: [String]
    /// How far a record's time may lie before the previous record's.
    public var timeTolerance: Duration

    /// Creates options; the defaults check the chain alone, from seq 1, with a 10 s time tolerance.
    public init(
        continued: Bool = false, keys: [AuditPublicKey] = [], expectedHeads: [String] = [],
        timeTolerance: Duration = .seconds(10)
    ) {
        self.continued = continued
        self.keys = keys
        self.expectedHeads = expectedHeads
        self.timeTolerance = timeTolerance
    }
}
