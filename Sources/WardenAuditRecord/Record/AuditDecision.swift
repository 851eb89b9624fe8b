/// The outcome of a whole guarded call, as written in a record's `decision` field.
public enum AuditDecision: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every required permission was allowed.
    case allow
    /// At least one required permission was denied or undefined.
    case deny
}

/// The outcome of one permission check, as written in a check's `decision` field.
public enum AuditCheckDecision: String, Sendable, Hashable, CaseIterable, Codable {
    /// A policy allowed the request and none denied it.
    case allow
    /// A policy denied the request.
    case deny
    /// No policy applied (an implicit deny).
    case undefined
}

/// Whether the caller had both an actor and a scope when the call was authorized.
public enum AuditContext: String, Sendable, Hashable, CaseIterable, Codable {
    /// The caller had an actor and a scope.
    case complete
    /// The caller lacked an actor or a scope (strict mode denies every check).
    case incomplete
}
