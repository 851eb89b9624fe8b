/// Where a record lives: a file and line, or a database (records there are named by seq).
public struct AuditLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file or database path.
    public var path: String
    /// The 1-based line number in a JSON Lines file; `nil` for a database.
    public var line: Int?

    /// Creates a location.
    public init(path: String, line: Int?) {
        self.path = path
        self.line = line
    }

    /// `path:line`, or `path` for a database.
    public var description: String { line.map { "\(path):\($0)" } ?? path }
}
