/// How error messages quote what a user wrote: in backticks, and never more than
/// ``maxCharacters`` characters of it, so a 130 KB argument does not come back as a 130 KB error.
public enum UserText {
    /// The most characters of user input an error message quotes.
    public static let maxCharacters = 80

    /// `` `text` ``, or `` `first 80 characters…` (130000 characters) `` when it is longer.
    public static func quoted(_ text: String) -> String {
        "`\(excerpt(text))`" + (text.count > maxCharacters ? " (\(text.count) characters)" : "")
    }

    /// The text itself, or its first ``maxCharacters`` characters followed by `…`.
    public static func excerpt(_ text: String) -> String {
        guard text.count > maxCharacters else { return text }
        return String(text.prefix(maxCharacters)) + "…"
    }
}
