/// Where a hash chain ends: the last record's `seq` and `hash`. The next record gets
/// `seq + 1` and `prev = hash`.
public struct AuditChainHead: Sendable, Hashable, CustomStringConvertible {
    /// The last record's `seq`; 0 for an empty log.
    public var seq: Int
    /// The last record's `hash`; 64 zeros for an empty log.
    public var hash: String

    /// Creates a head.
    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// The head of an empty log: seq 0, hash 64 zeros.
    public static let genesis = AuditChainHead(seq: 0, hash: AuditRecord.genesisHash)

    /// `seq N hash H`, for messages.
    public var description: String { "seq \(seq) hash \(hash)" }
}
