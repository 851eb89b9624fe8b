import WardenValue

/// What a field path yields for one request.
enum FieldResolution {
    /// The field has a (non-null) value.
    case present(Value)
    /// The field is absent (or null).
    case missing
    /// The path reads the actor, and the request has none: an evaluation error.
    case noActor
}

extension AuthorizationRequest {
    /// Resolves `path` against this request (spec section 4's table). A `null` counts as missing.
    func resolve(_ path: FieldPath) -> FieldResolution {
        let value: Value?
        switch path {
        case .actorID:
            guard let actor else { return .noActor }
            value = .string(actor.id)
        case .actorMeta(let keys):
            guard let actor else { return .noActor }
            value = Self.lookup(actor.meta, keys)
        case .action:
            value = .string(action)
        case .resource:
            value = .string(resource)
        case .meta(let keys):
            value = Self.lookup(meta, keys)
        case .metaKey(let key):
            value = meta[key]
        }
        guard let value, !value.isNull else { return .missing }
        return .present(value)
    }

    private static func lookup(_ map: [String: Value], _ keys: [String]) -> Value? {
        guard let first = keys.first else { return .map(map) }
        guard let top = map[first] else { return nil }
        return keys.count == 1 ? top : top.lookup(keys.dropFirst())
    }
}
