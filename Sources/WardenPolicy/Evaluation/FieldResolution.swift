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
            guard let id = actor?.id else { return .noActor }
            value = .string(id)
        case .actorMeta(let keys):
            guard let actorMeta = actor?.meta else { return .noActor }
            value = Self.lookup(actorMeta, keys)
        case .action:
            value = .string(action)
        case .resource:
            value = .string(resource)
        case .meta(let keys):
            value = Self.lookup(meta, keys)
        case .metaKey(let key):
            value = Self.member(meta, key)
        }
        guard let value, !value.isNull else { return .missing }
        return .present(value)
    }

    private static func lookup(_ map: [String: Value], _ keys: [String]) -> Value? {
        guard let first = keys.first else { return .map(map) }
        guard let top = member(map, first) else { return nil }
        return keys.count == 1 ? top : top.lookup(keys.dropFirst())
    }

    /// `map[key]`; small maps (the usual actor and request meta) are scanned, which is cheaper
    /// than hashing the key. Keys compare the same way either way.
    @inline(__always)
    private static func member(_ map: [String: Value], _ key: String) -> Value? {
        guard map.count <= 8 else { return map[key] }
        for (candidate, value) in map where candidate == key { return value }
        return nil
    }
}
