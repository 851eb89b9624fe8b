import WardenValue

/// A request the service refuses: answered with its HTTP status and
/// `{"error": {"code", "message", "line", "column"}}` (`line` and `column` are `null` when the
/// error is not at one place of the body's JSON text).
public struct ServiceError: Error, Sendable, Equatable {
    /// The HTTP status, 400 unless said otherwise.
    public var status: Int
    /// A stable kebab-case code, e.g. `invalid-json`, `unknown-key`, `body-too-large`.
    public var code: String
    /// A lowercase message that says what is wrong and how to fix it.
    public var message: String
    /// The 1-based line of the body where the JSON text is wrong.
    public var line: Int?
    /// The 1-based byte column of that line.
    public var column: Int?

    /// Creates an error.
    public init(status: Int = 400, code: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error's JSON body.
    public var json: String {
        var error = JSONObject()
        error.add("code", .string(code))
        error.add("message", .string(message))
        error.add("line", line.map { .int($0) } ?? .null)
        error.add("column", column.map { .int($0) } ?? .null)
        var object = JSONObject()
        object.add("error", error)
        return object.text
    }
}
