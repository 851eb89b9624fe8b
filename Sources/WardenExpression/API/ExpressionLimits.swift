/// Resource limits for loading and evaluating one expression.
public struct ExpressionLimits: Sendable, Hashable {
    /// The longest source text accepted, in UTF-8 bytes.
    public var maxSourceLength: Int
    /// The deepest nesting of the syntax tree accepted (parentheses, operators, member links).
    public var maxDepth: Int
    /// The most evaluation steps one evaluation may take (see docs/expressions.md).
    public var maxSteps: Int
    /// The most elements a list produced by a literal, `map`, `filter` or `split` may have.
    public var maxCollectionSize: Int
    /// The longest string (UTF-8 bytes) that `+` may produce.
    public var maxStringLength: Int

    /// Creates limits.
    public init(
        maxSourceLength: Int = 65_536, maxDepth: Int = 128, maxSteps: Int = 100_000,
        maxCollectionSize: Int = 10_000, maxStringLength: Int = 1_048_576
    ) {
        self.maxSourceLength = maxSourceLength
        self.maxDepth = maxDepth
        self.maxSteps = maxSteps
        self.maxCollectionSize = maxCollectionSize
        self.maxStringLength = maxStringLength
    }

    /// 64 KiB of source, depth 128, 100,000 steps, 10,000 elements, 1 MiB strings.
    public static let `default` = ExpressionLimits()
}
