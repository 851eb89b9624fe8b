/// Finds the policies whose patterns can match a request, so evaluation never scans a scope.
///
/// Every (policy, action pattern) pair is filed once in a byte trie of actions: under its
/// exact text, or under the literal prefix every match starts with (`a.b.*` under both the
/// exact `a.b` and the prefix `a.b.`). A pair whose action pattern starts with `*` is filed
/// instead in a trie of resources, once per resource pattern of the policy, when all of them
/// have a literal start; only the rest goes to a short list visited for every request. A policy
/// is evaluated through the entry of its first matching action pattern (and first matching
/// resource pattern), so no policy is seen twice and no per-request set is needed.
final class PolicyIndex: Sendable {
    /// A (policy, action pattern) pair.
    struct ActionEntry: Sendable {
        let policy: Int32
        let action: Int32
        /// Whether reaching the entry in the trie proves the action pattern matches.
        var verified = false
    }

    /// A (policy, action pattern, resource pattern) triple.
    struct ResourceEntry: Sendable {
        let policy: Int32
        let action: Int32
        let resource: Int32
        /// Whether reaching the entry in the trie proves the resource pattern matches.
        var verified = false
    }

    let actions: ByteTrie<ActionEntry>
    let resources: ByteTrie<ResourceEntry>
    let unindexed: [ActionEntry]

    /// Indexes `members` (positions in `policies`).
    init(policies: [CompiledPolicy], members: [Int]) {
        var actionItems: [(text: [UInt8], exact: Bool, entry: ActionEntry)] = []
        var resourceItems: [(text: [UInt8], exact: Bool, entry: ResourceEntry)] = []
        var unindexed: [ActionEntry] = []
        for member in members {
            let policy = policies[member]
            let resourceKeys = policy.resources.map(\.indexKeys)
            let resourcesIndexable = !resourceKeys.contains { $0.contains(.none) }
            for (a, pattern) in policy.actions.enumerated() {
                let entry = ActionEntry(policy: Int32(member), action: Int32(a))
                let keys = pattern.indexKeys
                guard keys.contains(.none) else {
                    for key in keys {
                        var filed = entry
                        filed.verified = pattern.indexKeyIsComplete(key)
                        Self.file(key, filed, into: &actionItems)
                    }
                    continue
                }
                guard resourcesIndexable else {
                    unindexed.append(entry)
                    continue
                }
                for (r, keys) in resourceKeys.enumerated() {
                    for key in keys {
                        var triple = ResourceEntry(policy: Int32(member), action: Int32(a), resource: Int32(r))
                        triple.verified = policy.resources[r].indexKeyIsComplete(key)
                        Self.file(key, triple, into: &resourceItems)
                    }
                }
            }
        }
        actions = ByteTrie(actionItems)
        resources = ByteTrie(resourceItems)
        self.unindexed = unindexed
    }

    private static func file<Entry>(
        _ key: PatternIndexKey, _ entry: Entry, into items: inout [(text: [UInt8], exact: Bool, entry: Entry)]
    ) {
        switch key {
        case .exact(let bytes): items.append((bytes, true, entry))
        case .prefix(let bytes): items.append((bytes, false, entry))
        case .none: break  // callers file `.none` elsewhere
        }
    }
}
