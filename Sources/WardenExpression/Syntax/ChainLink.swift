/// One `.name`, `?.name`, `[index]` or `?.[index]` step of a chain.
struct ChainLink: Sendable {
    enum Key: Sendable {
        case member(String)
        case index(Expr)
    }

    var key: Key
    var optional: Bool
    /// Offset of the `.`, `?.` or `[` that starts the link.
    var at: Int
    /// Offset just after the link.
    var end: Int
}
