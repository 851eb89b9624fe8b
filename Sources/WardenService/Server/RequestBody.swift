import WardenValue

/// Reads a request body as JSON: strictly, nested at most 64 deep, errors placed at a line and
/// column of the body.
enum RequestBody {
    /// The body's JSON value.
    /// - Throws: ``ServiceError`` `invalid-json` (or `too-deep`) with the line and column.
    static func parse(_ bytes: [UInt8]) throws(ServiceError) -> Value {
        do {
            return try Value(jsonBytes: bytes)
        } catch {
            let (line, column) = position(ofByte: error.column, in: bytes)
            let code = error.message.hasPrefix("nesting deeper") ? "too-deep" : "invalid-json"
            throw ServiceError(
                code: code, message: "the body is not valid JSON: \(error.message)", line: line, column: column)
        }
    }

    /// The 1-based line and byte column of the 1-based byte offset `byte`.
    static func position(ofByte byte: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (offset, value) in bytes.prefix(max(0, byte - 1)).enumerated() where value == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        return (line, byte - lineStart)
    }
}
