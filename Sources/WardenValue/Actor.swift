/// Who makes a call: an id and free-form metadata. An absent actor is modelled as `Actor?`.
public struct Actor: Sendable, Hashable, Codable {
    /// The actor's id, e.g. `tenant:acme`. An empty id is still an actor.
    public var id: String
    /// Free-form attributes (`role`, `tier`, ...), matched by `actor.meta.*` conditions.
    public var meta: [String: Value]

    /// Creates an actor.
    public init(id: String, meta: [String: Value] = [:]) {
        self.id = id
        self.meta = meta
    }

    /// The actor as a value: `{"id": ..., "meta": {...}}`, the shape audit records use.
    public var value: Value { .map(["id": .string(id), "meta": .map(meta)]) }

    private enum CodingKeys: String, CodingKey { case id, meta }

    /// Decodes `{"id": "...", "meta": {...}}`; `meta` may be missing or null.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        meta = try c.decodeIfPresent([String: Value].self, forKey: .meta) ?? [:]
    }
}
