import WardenPolicy
import WardenValue

/// The JSON answer to one decision request, the one shape `warden eval --format json`,
/// `warden eval --requests` and `POST /v1/decide` share.
public enum DecisionAnswer {
    /// `{"decision", "policies", "errors", "revision"}`, errors as `{"policy", "message"}`
    /// objects (`policy` is empty when the error is not one policy's).
    public static func json(_ decision: Decision, revision: String) -> JSONObject {
        var object = JSONObject()
        object.add("decision", .string(decision.outcome.rawValue))
        object.add("policies", strings: decision.policies)
        object.add(
            "errors",
            decision.errors.map { error in
                var entry = JSONObject()
                entry.add("policy", .string(error.policy))
                entry.add("message", .string(error.message))
                return entry
            })
        object.add("revision", .string(revision))
        return object
    }

    /// Decides one parsed request line against `set` and answers it: the decision object, with
    /// `"explanation"` when `explain` is set.
    ///
    /// The line's own `scope` / `groups` replace `defaultScope`; with neither, the scope is
    /// `defaultScope` (every policy when `nil`), or none at all when `noScope` is set.
    /// - Returns: the answer and whether the request was allowed, or the message of a scope that
    ///   does not resolve (an unknown policy id or group).
    public static func evaluate(
        _ line: RequestLine, in set: PolicySet, defaultScope: ScopeSpec?, noScope: Bool, strict: Bool, explain: Bool
    ) -> Result<(answer: JSONObject, allowed: Bool), ScopeError> {
        var resolved: ResolvedScope?
        if line.scope != nil || !noScope {
            switch set.resolve(line.scope ?? defaultScope) {
            case .success(let scope): resolved = scope
            case .failure(let error): return .failure(error)
            }
        }
        let decision = set.authorize(line.request, scope: resolved, strict: strict)
        var answer = json(decision, revision: set.revision)
        if explain {
            // Without a scope no policy is evaluated, so there is nothing to explain.
            let explanation = resolved.map { ExplanationAnswer.json(set.explain(line.request, in: $0), in: set) }
            answer.add("explanation", explanation ?? [])
        }
        return .success((answer, decision.isAllowed))
    }
}
