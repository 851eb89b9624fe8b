/// What ``AuditStats`` computes beyond totals.
public struct AuditStatsOptions: Sendable, Hashable {
    /// Length of the top lists.
    public var top: Int
    /// Bucket size in microseconds for the time histogram; `nil` for none.
    public var bucketMicroseconds: Int64?

    /// Creates options.
    public init(top: Int = 10, bucketMicroseconds: Int64? = nil) {
        self.top = top
        self.bucketMicroseconds = bucketMicroseconds.map { max(1, $0) }
    }
}
