/// Counts of one replay.
public struct ReplaySummary: Sendable, Hashable {
    /// Records read.
    public var records = 0
    /// Records re-evaluated (those with checks).
    public var replayed = 0
    /// Records without checks (the call failed validation or resolution): nothing to replay.
    public var skipped = 0
    /// Calls allowed then, denied now.
    public var allowToDeny = 0
    /// Calls denied then, allowed now.
    public var denyToAllow = 0

    /// Creates empty counts.
    public init() {}

    /// How many decisions change.
    public var changed: Int { allowToDeny + denyToAllow }
}
