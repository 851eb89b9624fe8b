/// The builtin functions.
enum Builtin: String, Sendable, CaseIterable {
    case len, all, any, none, one, filter, map, count, upper, lower, trim, split

    /// How many arguments the builtin takes.
    var arity: ClosedRange<Int> {
        switch self {
        case .len, .upper, .lower: 1...1
        case .trim: 1...2
        case .all, .any, .none, .one, .filter, .map, .count, .split: 2...2
        }
    }

    /// Whether the second argument is a closure over the elements of the first.
    var takesClosure: Bool {
        switch self {
        case .all, .any, .none, .one, .filter, .map, .count: true
        default: false
        }
    }

    /// Whether the closure must produce a boolean (a predicate).
    var takesPredicate: Bool { takesClosure && self != .map }

    /// The call shape for messages, e.g. `all(list, {predicate})`.
    var signature: String {
        switch self {
        case .len: "len(value)"
        case .all, .any, .none, .one, .filter, .count: "\(rawValue)(list, {predicate})"
        case .map: "map(list, {expression})"
        case .upper, .lower: "\(rawValue)(string)"
        case .trim: "trim(string) or trim(string, characters)"
        case .split: "split(string, separator)"
        }
    }
}
