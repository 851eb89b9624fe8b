/// Every problem found while loading one expression, in source order; never empty.
public struct ExpressionDiagnostics: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, sorted by position.
    public var items: [ExpressionDiagnostic]

    /// Creates the set from `items` (sorted by position, duplicates kept).
    public init(_ items: [ExpressionDiagnostic]) {
        self.items = items.sorted { $0.position < $1.position }
    }

    /// The first problem, the one a one-line report shows.
    public var first: ExpressionDiagnostic? { items.first }

    /// One problem per line, `line:column: code: message`.
    public var description: String { items.map(\.description).joined(separator: "\n") }
}
