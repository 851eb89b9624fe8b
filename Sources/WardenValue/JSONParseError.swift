/// Why a text is not JSON: what was found and at which byte column (1-based, counted over the
/// whole text).
package struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    package var message: String
    /// The 1-based byte column.
    package var column: Int

    /// `invalid JSON at column 12: expected `:` after an object key`.
    package var description: String { "invalid JSON at column \(column): \(message)" }
}
