import WardenValue

/// The set of value types an expression may produce, as inferred at load time.
struct ValueKinds: OptionSet, Sendable, Hashable, CustomStringConvertible {
    let rawValue: UInt8

    static let null = ValueKinds(rawValue: 1 << 0)
    static let bool = ValueKinds(rawValue: 1 << 1)
    static let int = ValueKinds(rawValue: 1 << 2)
    static let float = ValueKinds(rawValue: 1 << 3)
    static let string = ValueKinds(rawValue: 1 << 4)
    static let list = ValueKinds(rawValue: 1 << 5)
    static let map = ValueKinds(rawValue: 1 << 6)

    static let number: ValueKinds = [.int, .float]
    static let all: ValueKinds = [.null, .bool, .int, .float, .string, .list, .map]
    static let singles: [ValueKinds] = [.null, .bool, .int, .float, .string, .list, .map]

    /// The kind of one value.
    init(of value: Value) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .double: self = .float
        case .string: self = .string
        case .list: self = .list
        case .map: self = .map
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The single kinds in the set.
    var members: [ValueKinds] { ValueKinds.singles.filter { contains($0) } }

    /// Type names as messages write them: `string`, `int or float`.
    var description: String {
        if self == .all { return "any value" }
        let names: [String] = members.map {
            switch $0 {
            case .null: "nil"
            case .bool: "bool"
            case .int: "int"
            case .float: "float"
            case .string: "string"
            case .list: "list"
            default: "map"
            }
        }
        return names.joined(separator: " or ")
    }
}
