import WardenValue

/// One permission a call needs, as the fail-closed call rule decides it: anything that can say
/// which request to evaluate for a given actor (the gateway's planned checks, recorded checks).
public protocol AuthorizationCheck: Sendable {
    /// The authorization request of this check for `actor` (`nil`: the caller has no actor).
    func request(actor: Actor?) -> AuthorizationRequest
}
