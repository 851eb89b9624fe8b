/// The source of a chain, quoted in messages up to the failing link.
struct SourceQuote: Sendable {
    let source: SourceText
    let start: Int

    /// The source text from the chain's start to `offset` (`#` for the `.field` shorthand).
    func text(upTo offset: Int) -> String {
        let text = source.slice(start..<offset, limit: 80)
        return text.isEmpty ? "#" : text
    }
}
