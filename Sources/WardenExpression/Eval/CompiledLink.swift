/// One compiled `.name`, `?.name` or `[index]` step.
struct CompiledLink: Sendable {
    enum Key: Sendable {
        case member(String)
        case index(Eval)
    }

    let key: Key
    let optional: Bool
    /// Offset of the link in the source, to quote the object it applies to in messages.
    let offset: Int
    let position: SourcePosition
}
