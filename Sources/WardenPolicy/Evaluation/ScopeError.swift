import WardenValue

/// Why a scope could not be resolved against a policy set: it names something that is not there.
public enum ScopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A policy id that no loaded policy has; `suggestion` is the closest existing id.
    case unknownPolicy(String, suggestion: String?)
    /// A group id that no loaded policy belongs to; `suggestion` is the closest existing group.
    case unknownGroup(String, suggestion: String?)

    /// What is wrong, e.g. "unknown policy `app:x` in scope".
    public var message: String {
        switch self {
        case .unknownPolicy(let id, _): "unknown policy \(UserText.quoted(id)) in scope"
        case .unknownGroup(let id, _): "unknown group \(UserText.quoted(id)) in scope"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .unknownPolicy(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
                ?? "policy ids are `namespace:name` of a loaded `security.policy` entry"
        case .unknownGroup(_, let suggestion):
            suggestion.map { "did you mean `\($0)`?" }
                ?? "group ids are `namespace:group` and exist once a loaded policy lists them"
        }
    }

    /// `message; hint`.
    public var description: String { "\(message); \(hint)" }
}
