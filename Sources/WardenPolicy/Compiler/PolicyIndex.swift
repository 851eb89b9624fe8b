/// Finds the policies whose patterns can match a request, so evaluation never scans a whole scope.
///
/// Every (policy, action pattern) pair is filed once: under the exact action, under the literal
/// prefix of the action pattern, or, when the action pattern starts with `*`, under each
/// resource pattern of the policy (exact or by prefix) when all of them have a literal start;
/// only the rest goes to a short list visited for every request. A policy is evaluated through
/// the entry of its first matching action pattern (and first matching resource pattern), so no
/// policy is seen twice and no per-request set is needed.
final class PolicyIndex: Sendable {
    /// A (policy, action pattern) pair.
    struct ActionEntry: Sendable {
        let policy: Int32
        let action: Int32
    }

    /// A (policy, action pattern, resource pattern) triple.
    struct ResourceEntry: Sendable {
        let policy: Int32
        let action: Int32
        let resource: Int32
    }

    let exactActions: [String: [ActionEntry]]
    let actionPrefixes: PrefixTrie<ActionEntry>
    let exactResources: [String: [ResourceEntry]]
    let resourcePrefixes: PrefixTrie<ResourceEntry>
    let unindexed: [ActionEntry]

    /// Indexes `members` (positions in `policies`).
    init(policies: [CompiledPolicy], members: [Int]) {
        var exactActions: [String: [ActionEntry]] = [:]
        var actionPrefixes = PrefixTrie<ActionEntry>()
        var exactResources: [String: [ResourceEntry]] = [:]
        var resourcePrefixes = PrefixTrie<ResourceEntry>()
        var unindexed: [ActionEntry] = []
        for member in members {
            let policy = policies[member]
            let resourceKeys = policy.resources.map(\.indexKey)
            let resourcesIndexable = !resourceKeys.contains(.none)
            for (a, pattern) in policy.actions.enumerated() {
                let entry = ActionEntry(policy: Int32(member), action: Int32(a))
                switch pattern.indexKey {
                case .exact(let text): exactActions[text, default: []].append(entry)
                case .prefix(let bytes): actionPrefixes.insert(bytes, entry)
                case .none:
                    guard resourcesIndexable else {
                        unindexed.append(entry)
                        continue
                    }
                    for (r, key) in resourceKeys.enumerated() {
                        let triple = ResourceEntry(policy: Int32(member), action: Int32(a), resource: Int32(r))
                        switch key {
                        case .exact(let text): exactResources[text, default: []].append(triple)
                        case .prefix(let bytes): resourcePrefixes.insert(bytes, triple)
                        case .none: break  // excluded by resourcesIndexable
                        }
                    }
                }
            }
        }
        self.exactActions = exactActions
        self.actionPrefixes = actionPrefixes
        self.exactResources = exactResources
        self.resourcePrefixes = resourcePrefixes
        self.unindexed = unindexed
    }
}
