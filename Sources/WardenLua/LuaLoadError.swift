/// Lua source that cannot be loaded: a type expression the eraser cannot read, or a syntax
/// error. `description` is `file:line:col: message`.
public struct LuaLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The chunk name (file) the error is in.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column; 0 when Lua did not say.
    public var column: Int
    /// A lowercase message with a hint.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message` (`file:line: message` without a column).
    public var description: String {
        column > 0 ? "\(file):\(line):\(column): \(message)" : "\(file):\(line): \(message)"
    }
}
