/// A condition's field path, resolved once at load time (spec section 4).
public enum FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// `actor.id`.
    case actorID
    /// `actor.meta` followed by keys, looked up through maps only (no keys: the whole map).
    case actorMeta([String])
    /// `action` (also `action.anything`).
    case action
    /// `resource` (also `resource.anything`).
    case resource
    /// `meta.a.b`: nested lookup in the request meta.
    case meta([String])
    /// Any other path: the request meta key with exactly this text (`pid` is `meta.pid`).
    case metaKey(String)

    /// Parses a path, or explains why it names nothing.
    public static func parse(_ text: String) -> Result<FieldPath, FieldPathError> {
        guard !text.isEmpty else { return .failure(.empty) }
        guard text.utf8.contains(UInt8(ascii: ".")) else {
            switch text {
            case "actor": return .failure(.actorAlone)
            case "meta": return .failure(.metaAlone)
            case "action": return .success(.action)
            case "resource": return .success(.resource)
            default: return .success(.metaKey(text))
            }
        }
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        let root = parts[0]  // split always yields at least one part
        let rest = Array(parts.dropFirst())
        switch root {
        case "actor":
            guard let member = rest.first else { return .failure(.actorAlone) }
            switch member {
            case "id":
                return rest.count == 1 ? .success(.actorID) : .failure(.memberOfActorID(text))
            case "meta":
                let keys = Array(rest.dropFirst())
                if keys.contains(where: \.isEmpty) { return .failure(.emptySegment(text)) }
                return .success(.actorMeta(keys))
            default:
                return .failure(.unknownActorMember(member))
            }
        case "action":
            return .success(.action)
        case "resource":
            return .success(.resource)
        case "meta":
            guard !rest.isEmpty else { return .failure(.metaAlone) }
            if rest.contains(where: \.isEmpty) { return .failure(.emptySegment(text)) }
            return .success(.meta(rest))
        default:
            return .success(.metaKey(text))
        }
    }

    /// Whether the path reads the actor (an evaluation error when the actor is absent).
    public var readsActor: Bool {
        switch self {
        case .actorID, .actorMeta: true
        default: false
        }
    }

    /// The canonical spelling of the path.
    public var description: String {
        switch self {
        case .actorID: "actor.id"
        case .actorMeta(let keys): (["actor", "meta"] + keys).joined(separator: ".")
        case .action: "action"
        case .resource: "resource"
        case .meta(let keys): (["meta"] + keys).joined(separator: ".")
        case .metaKey(let key): key
        }
    }
}

/// Why a field path names nothing.
public enum FieldPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path is empty.
    case empty
    /// `actor` alone.
    case actorAlone
    /// `meta` alone.
    case metaAlone
    /// `actor.<member>` with a member other than `id` and `meta`.
    case unknownActorMember(String)
    /// `actor.id.<more>`: the id is a string and has no members.
    case memberOfActorID(String)
    /// `a..b` or a trailing dot.
    case emptySegment(String)

    /// A lowercase message.
    public var description: String {
        switch self {
        case .empty: "the field path is empty"
        case .actorAlone: "`actor` alone is not a field"
        case .metaAlone: "`meta` alone is not a field"
        case .unknownActorMember(let member): "the actor has no member `\(member)`"
        case .memberOfActorID(let path): "`\(path)` reads into `actor.id`, which is a string"
        case .emptySegment(let path): "`\(path)` has an empty segment"
        }
    }

    /// How to fix it.
    public var hint: String {
        switch self {
        case .empty, .actorAlone, .unknownActorMember, .memberOfActorID:
            "use `actor.id` or `actor.meta.<key>`"
        case .metaAlone: "use `meta.<key>`"
        case .emptySegment: "remove the extra `.`"
        }
    }
}
