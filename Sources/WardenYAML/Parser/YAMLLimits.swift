/// Resource limits enforced while parsing, so hostile input fails fast instead of eating memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest accepted input in bytes, checked before parsing (default 8 MiB).
    public var maxBytes: Int
    /// Deepest accepted nesting of collections; a top-level mapping is depth 1 (default 64).
    public var maxDepth: Int
    /// Most nodes per stream, counted after alias expansion (default 1,000,000).
    public var maxNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxNodes: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// 8 MiB, depth 64, 1,000,000 nodes.
    public static let `default` = YAMLLimits()
}
