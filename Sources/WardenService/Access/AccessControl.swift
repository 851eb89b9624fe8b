import Synchronization

/// Who may call which route: the token table of `--tokens` (or none: every route is open, and
/// the service listens on loopback only), and the counts of refused requests.
public final class AccessControl: Sendable {
    /// The accepted tokens; `nil` when the service runs without authentication.
    public let tokens: TokenTable?
    private let unauthenticatedCount = Atomic<Int>(0)
    private let forbiddenCount = Atomic<Int>(0)
    private let onRefusal: @Sendable (_ status: Int) -> Void

    /// Creates access control over `tokens`; `onRefusal` is told the status (401 or 403) of every
    /// refused request (the metrics count them).
    public init(tokens: TokenTable?, onRefusal: @escaping @Sendable (_ status: Int) -> Void = { _ in }) {
        self.tokens = tokens
        self.onRefusal = onRefusal
    }

    /// No authentication: every route is open.
    public static var open: AccessControl { AccessControl(tokens: nil) }

    /// Requests refused 401: no token, a malformed header, or a token not in the table.
    public var unauthenticated: Int { unauthenticatedCount.load(ordering: .relaxed) }

    /// Requests refused 403: a known token without the route's role.
    public var forbidden: Int { forbiddenCount.load(ordering: .relaxed) }

    /// What a request with this `Authorization` header value may do on a route needing `role`.
    public func decide(authorization: String?, role: ServiceRole) -> AccessDecision {
        guard let tokens else { return .allowed }
        let prefix = "Bearer "
        guard let authorization, authorization.hasPrefix(prefix),
            let entry = tokens.entry(forToken: String(authorization.dropFirst(prefix.count)))
        else {
            unauthenticatedCount.add(1, ordering: .relaxed)
            onRefusal(401)
            return .unauthenticated
        }
        guard entry.roles.contains(role) else {
            forbiddenCount.add(1, ordering: .relaxed)
            onRefusal(403)
            return .forbidden(token: entry.name)
        }
        return .allowed
    }
}

/// The outcome of an access check.
public enum AccessDecision: Sendable, Hashable {
    /// The request may go on.
    case allowed
    /// 401: no valid bearer token.
    case unauthenticated
    /// 403: the named token lacks the route's role.
    case forbidden(token: String)
}
