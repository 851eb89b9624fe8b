extension String {
    /// The text with every line after the first indented by `indent`.
    func replacingLineBreaks(indent: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }
}
