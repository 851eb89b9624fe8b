import WardenValue

/// A question for the policies behind a runtime (`security.can`, `scope:evaluate`): may
/// `actor` in `scope` do `action` on `resource`? Answered by whoever holds the policies (the
/// gateway), never by the asking process.
public struct PolicyQuestion: Sendable, Hashable {
    /// The action asked about (`documents.read`).
    public var action: String
    /// The resource asked about (`document:42`).
    public var resource: String
    /// Request attributes (`meta.*` in policy conditions).
    public var meta: [String: Value]
    /// Whose permission is asked: the caller's own context for `security.can`.
    public var security: SecurityContext

    /// Creates a question.
    public init(action: String, resource: String, meta: [String: Value] = [:], security: SecurityContext) {
        self.action = action
        self.resource = resource
        self.meta = meta
        self.security = security
    }
}

/// The policies' answer to a ``PolicyQuestion``: `allow`, `deny`, or `undefined` (no policy
/// decided); only `allow` permits anything.
public enum PolicyAnswer: String, Sendable, Hashable {
    /// A policy allowed and none denied.
    case allow
    /// A policy denied (or the question could not be evaluated).
    case deny
    /// No policy applied.
    case undefined
}

extension ProcessRuntime {
    /// The default for runtimes that hold no policies: nothing is allowed (fail closed).
    nonisolated(nonsending) public func evaluate(_ question: PolicyQuestion, caller: Caller) async throws(ProcessError)
        -> PolicyAnswer
    {
        .undefined
    }
}

extension ProcessContext {
    /// Asks the runtime's policies about `question` (audited by a gateway).
    nonisolated(nonsending) public func evaluate(_ question: PolicyQuestion) async throws(ProcessError) -> PolicyAnswer
    {
        try await front.evaluate(question, caller: caller)
    }
}
