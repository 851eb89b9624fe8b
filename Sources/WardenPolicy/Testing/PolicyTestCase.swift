import WardenValue
import WardenYAML

/// One case of a `warden test` file: policies, a request, and the expected decision.
public struct PolicyTestCase: Sendable {
    /// The case's name.
    public var name: String
    /// Where the case starts in the test file.
    public var mark: Mark
    /// Policies written in the case itself (added to the file's shared ones).
    public var policies: PolicyReading
    /// The actor; `nil` for a request without one.
    public var actor: Actor?
    /// The scope (ids and groups qualified); `nil` for every loaded policy.
    public var scope: ScopeSpec?
    /// Where the scope is written (for unresolved-scope diagnostics).
    public var scopeMark: Mark
    /// The requested action.
    public var action: String
    /// The requested resource.
    public var resource: String
    /// The request attributes.
    public var meta: [String: Value]
    /// The expected outcome.
    public var expect: PolicyTestExpectation
    /// The determining policies expected (ids qualified), when given.
    public var expectedPolicies: [String]?
    /// A free-form note shown with a failure.
    public var note: String?
    /// Strict mode for this case: `true` denies a request without an actor, `false` allows it,
    /// both without evaluating policies; `nil` takes the file's or the runner's default.
    public var strict: Bool?

    /// The request the case makes.
    public var request: AuthorizationRequest {
        AuthorizationRequest(actor: actor, action: action, resource: resource, meta: meta)
    }
}
