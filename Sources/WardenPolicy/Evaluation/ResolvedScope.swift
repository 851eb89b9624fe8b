/// A scope resolved against one policy set revision: its policies and an index over them.
///
/// Resolve once (per process, per reload) and evaluate many times. A resolved scope is only
/// valid for the revision it was resolved against; evaluating it against another revision
/// denies with an error.
public struct ResolvedScope: Sendable {
    /// The parts, behind one reference: a scope is copied on every decision (it travels in a
    /// `Result` from the caller's cache to the evaluator), and one reference is one retain.
    private let parts: Parts

    /// The revision of the policy set the scope was resolved against.
    public var revision: String { parts.revision }
    /// Positions of the member policies in the set, ascending (so also in id order).
    var members: [Int] { parts.members }
    /// The scope's index over its members.
    var index: PolicyIndex { parts.index }

    init(revision: String, members: [Int], policies: [CompiledPolicy]) {
        parts = Parts(revision: revision, members: members, index: PolicyIndex(policies: policies, members: members))
    }

    private final class Parts: Sendable {
        let revision: String
        let members: [Int]
        let index: PolicyIndex

        init(revision: String, members: [Int], index: PolicyIndex) {
            self.revision = revision
            self.members = members
            self.index = index
        }
    }

    /// The number of policies in the scope.
    public var count: Int { members.count }

    /// Whether the scope holds no policy (every check is `undefined`).
    public var isEmpty: Bool { members.isEmpty }
}

extension PolicySet {
    /// Resolves a scope: every named policy plus every policy of every named group; `nil`
    /// (no scope given, as for `warden policy eval` without `--scope`) is every policy of the set.
    ///
    /// An id or group that does not exist is an error naming it (fail closed: a process whose
    /// scope cannot be resolved must not start). Resolved scopes are cached per set.
    public func resolve(_ scope: ScopeSpec?) -> Result<ResolvedScope, ScopeError> {
        guard let scope else { return .success(storage.all) }
        let key = scope.normalized
        if let cached = storage.scopeCache.withLock({ $0[key] }) { return .success(cached) }
        var members = Set<Int>()
        for id in scope.policies {
            guard let position = storage.positions[id] else {
                return .failure(
                    .unknownPolicy(id, suggestion: Suggestion.closest(to: id, in: storage.positions.keys)))
            }
            members.insert(position)
        }
        for group in scope.groups {
            guard let positions = storage.groups[group] else {
                return .failure(.unknownGroup(group, suggestion: Suggestion.closest(to: group, in: storage.groupIDs)))
            }
            members.formUnion(positions)
        }
        let resolved = ResolvedScope(
            revision: revision, members: members.sorted(), policies: storage.policies)
        storage.scopeCache.withLock { cache in
            if cache.count >= 4096 { cache.removeAll() }
            cache[key] = resolved
        }
        return .success(resolved)
    }

    /// The ids of the policies in `scope`, sorted.
    public func policyIDs(in scope: ResolvedScope) -> [String] {
        guard scope.revision == revision else { return [] }
        return scope.members.map { storage.policies[$0].id }
    }
}
