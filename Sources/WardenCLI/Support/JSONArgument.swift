import WardenValue

/// Reads the JSON text of an argument such as `--meta '{"pid": "..."}'`.
public enum JSONArgument {
    /// Parses `text` as a JSON object.
    /// - Throws: ``JSONArgumentError`` when the text is not JSON or not an object.
    public static func object(_ text: String) throws(JSONArgumentError) -> [String: Value] {
        let value: Value
        do {
            value = try Value(json: text)
        } catch {
            throw .invalidJSON(error.cliMessage)
        }
        guard case .map(let map) = value else { throw .notAnObject(found: value.typeName) }
        return map
    }
}

/// Why an argument's JSON text was rejected.
public enum JSONArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not JSON; the payload says where.
    case invalidJSON(String)
    /// The text is JSON, but not an object.
    case notAnObject(found: String)

    /// Lowercase, with how to fix it.
    public var description: String {
        switch self {
        case .invalidJSON(let why):
            "\(why); write a JSON object such as `{\"role\": \"admin\"}` (quote it for the shell)"
        case .notAnObject(let found):
            "expected a JSON object, found \(found); write a JSON object such as `{\"role\": \"admin\"}`"
        }
    }
}
