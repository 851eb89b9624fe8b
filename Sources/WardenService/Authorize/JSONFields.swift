import WardenRuntime
import WardenValue

/// One JSON object of a request body, read field by field: unknown keys are rejected, every
/// value's type is checked, and every message names the field by its path (`args.dest`).
struct JSONFields {
    let object: [String: Value]
    let path: String

    /// Reads `value` as an object whose keys are all in `allowed`.
    init(_ value: Value?, at path: String, allowed: [String]) throws(RequestLineError) {
        guard case .map(let object)? = value else {
            throw .invalidValue("`\(path)` must be an object, found \(value?.typeName ?? "nothing")")
        }
        for key in object.keys.sorted() where !allowed.contains(key) {
            throw .unknownKey(
                "unknown key \(UserText.quoted(key)) in `\(path)`; it has "
                    + allowed.map { "`\($0)`" }.joined(separator: ", "))
        }
        self.object = object
        self.path = path
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A value that may be absent or `null`.
    func optional(_ key: String) -> Value? {
        if case .null? = object[key] { return nil }
        return object[key]
    }

    /// A non-empty string that must be there.
    func string(_ key: String) throws(RequestLineError) -> String {
        guard let text = try optionalString(key) else {
            throw .missingKey("missing `\(name(key))`; add it as a string")
        }
        return text
    }

    /// A non-empty string, or `nil` when absent or `null`.
    func optionalString(_ key: String) throws(RequestLineError) -> String? {
        switch optional(key) {
        case nil: return nil
        case .string(let text)? where !text.isEmpty: return text
        case let other?: throw .invalidValue("`\(name(key))` must be a non-empty string, found \(other.canonicalJSON)")
        }
    }

    /// A list of values (absent or `null` is empty).
    func list(_ key: String) throws(RequestLineError) -> [Value] {
        switch optional(key) {
        case nil: return []
        case .list(let items)?: return items
        case let other?: throw .invalidValue("`\(name(key))` must be a list, found \(other.typeName)")
        }
    }

    /// A list of strings, or `nil` when absent or `null`.
    func strings(_ key: String) throws(RequestLineError) -> [String]? {
        guard optional(key) != nil else { return nil }
        return try RequestLine.strings(object[key], key)
    }

    /// `true` or `false`, `fallback` when absent or `null`.
    func bool(_ key: String, default fallback: Bool) throws(RequestLineError) -> Bool {
        switch optional(key) {
        case nil: return fallback
        case .bool(let value)?: return value
        case let other?: throw .invalidValue("`\(name(key))` must be true or false, found \(other.typeName)")
        }
    }

    /// A PID string (`{host|0x...}`), or `nil` when absent or `null`.
    func pid(_ key: String) throws(RequestLineError) -> PID? {
        guard let text = try optionalString(key) else { return nil }
        guard let pid = PID(text) else {
            throw .invalidValue(
                "`\(name(key))` is not a pid: \(UserText.quoted(text)); write it as `{host|0x00000001}`")
        }
        return pid
    }

    /// A destination: a PID string or a registered name.
    func destination(_ key: String) throws(RequestLineError) -> Destination {
        let text = try string(key)
        do {
            return try Destination.parse(text)
        } catch {
            throw .invalidValue("`\(name(key))`: \(error.message)")
        }
    }

    /// An actor `{"id", "meta"}`, or `nil` when absent or `null`.
    func actor(_ key: String) throws(RequestLineError) -> Actor? {
        try RequestLine.readActor(optional(key))
    }
}
