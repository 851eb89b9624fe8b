/// A JSON object whose keys keep the order they were added in, written on one line.
///
/// Results keep a fixed, documented key order (`decision` first) so people can read them;
/// values are written in canonical JSON (map keys sorted).
public struct JSONObject: Sendable {
    private var members: [(key: String, value: JSONMember)] = []

    /// Creates an empty object.
    public init() {}

    private enum JSONMember: Sendable {
        case value(Value)
        case object(JSONObject)
        case objects([JSONObject])
    }

    /// Adds `key` with a value.
    public mutating func add(_ key: String, _ value: Value) {
        members.append((key, .value(value)))
    }

    /// Adds `key` with a nested ordered object.
    public mutating func add(_ key: String, _ object: JSONObject) {
        members.append((key, .object(object)))
    }

    /// Adds `key` with a list of ordered objects.
    public mutating func add(_ key: String, _ objects: [JSONObject]) {
        members.append((key, .objects(objects)))
    }

    /// Adds `key` with a list of strings.
    public mutating func add(_ key: String, strings: [String]) {
        add(key, .list(strings.map(Value.string)))
    }

    /// Adds every member of `other`, after the members already present.
    public mutating func append(contentsOf other: JSONObject) {
        members += other.members
    }

    /// The object as JSON text, on one line.
    public var text: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The object's JSON text as UTF-8 bytes, on one line.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * members.count)
        write(into: &out)
        return out
    }

    /// Appends the object's JSON text, as UTF-8 bytes, to `out`.
    public func write(into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Value.writeJSONString(member.key, into: &out)
            out.append(UInt8(ascii: ":"))
            switch member.value {
            case .value(let value): value.writeCanonicalJSON(into: &out)
            case .object(let object): object.write(into: &out)
            case .objects(let objects): Self.write(objects, into: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `objects` as a JSON array on one line to `out`.
    public static func write(_ objects: [JSONObject], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, object) in objects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            object.write(into: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON array of `objects`, one object per line, for results that are read as a whole.
    public static func array(_ objects: [JSONObject]) -> String {
        guard !objects.isEmpty else { return "[]" }
        return "[\n" + objects.map { "  " + $0.text }.joined(separator: ",\n") + "\n]"
    }
}
