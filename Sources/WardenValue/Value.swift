/// A dynamically typed value: policy attributes, actor meta, message payloads and results.
///
/// One type serves the policy engine, the runtime and the audit log, so the gateway passes
/// values through without converting them. Maps have string keys; their order carries no meaning.
public enum Value: Sendable, Hashable {
    /// The absence of a value (`nil` / JSON `null`).
    case null
    /// A boolean. Booleans are never numeric.
    case bool(Bool)
    /// A 64-bit signed integer.
    case int(Int)
    /// A double-precision float.
    case double(Double)
    /// A UTF-8 string.
    case string(String)
    /// An ordered list of values.
    case list([Value])
    /// A map from string keys to values.
    case map([String: Value])
}

extension Value {
    /// A short lowercase name of the value's type, for messages (`"string"`, `"map"`, ...).
    public var typeName: String {
        switch self {
        case .null: "nil"
        case .bool: "bool"
        case .int: "int"
        case .double: "float"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        }
    }

    /// Whether the value is a scalar (not a list or a map). `null` counts as a scalar.
    public var isScalar: Bool {
        switch self {
        case .list, .map: false
        default: true
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, if the value is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, if the value is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The list, if the value is a list.
    public var listValue: [Value]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// The map, if the value is a map.
    public var mapValue: [String: Value]? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// Looks up a member of a map; `nil` for a missing key or a value that is not a map.
    public subscript(key: String) -> Value? {
        if case .map(let m) = self { return m[key] }
        return nil
    }

    /// Follows `path` through nested maps only; `nil` as soon as a step is missing or not a map.
    public func lookup<Path: Collection>(_ path: Path) -> Value? where Path.Element: StringProtocol {
        var current = self
        for key in path {
            guard case .map(let m) = current, let next = m[String(key)] else { return nil }
            current = next
        }
        return current
    }
}

extension Value: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension Value: ExpressibleByBooleanLiteral {
    /// Creates `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByIntegerLiteral {
    /// Creates `.int`.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension Value: ExpressibleByFloatLiteral {
    /// Creates `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension Value: ExpressibleByStringLiteral {
    /// Creates `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByArrayLiteral {
    /// Creates `.list`.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    /// Creates `.map`; a repeated key keeps the last value.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
