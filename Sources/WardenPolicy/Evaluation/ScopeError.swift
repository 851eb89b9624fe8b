/// Why a scope could not be resolved against a policy set: it names something that is not there.
public enum ScopeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A policy id that no loaded policy has; `suggestion` is the closest existing id.
    case unknownPolicy(String, suggestion: String?)
    /// A group id that no loaded policy belongs to; `suggestion` is the closest existing group.
    case unknownGroup(String, suggestion: String?)

    /// A lowercase message with a hint.
    public var description: String {
        switch self {
        case .unknownPolicy(let id, let suggestion):
            "unknown policy `\(id)` in scope; "
                + (suggestion.map { "did you mean `\($0)`?" }
                    ?? "policy ids are `namespace:name` of a loaded `security.policy` entry")
        case .unknownGroup(let id, let suggestion):
            "unknown group `\(id)` in scope; "
                + (suggestion.map { "did you mean `\($0)`?" }
                    ?? "group ids are `namespace:group` and exist once a loaded policy lists them")
        }
    }
}
