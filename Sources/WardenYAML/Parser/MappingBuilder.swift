import WardenValue

/// Collects one mapping's keys and values as they arrive, rejects duplicate keys and applies
/// `<<` merge keys when the mapping ends.
struct MappingBuilder {
    private enum Entry {
        case pair(YAMLPair)
        case merge(YAMLNode)
    }

    private var entries: [Entry] = []
    private var pendingKey: YAMLNode?
    /// Explicit keys (by ``YAMLNode/keyIdentity``) and where each was first written: scanned
    /// while the mapping is small (a policy entry's mappings hold a handful of keys, and a
    /// scan costs no allocation or hashing), indexed by a dictionary once it grows.
    private var explicitKeys: [(id: String, mark: Mark)] = []
    private var keyIndex: [String: Mark]?
    private static let scanLimit = 16
    private var mergeKeyMark: Mark?

    /// Adds the next node: a key when none is pending, otherwise the pending key's value.
    mutating func add(_ node: YAMLNode) throws(YAMLError) {
        guard let key = pendingKey else {
            try checkNewKey(node)
            pendingKey = node
            return
        }
        pendingKey = nil
        if key.isMergeKey {
            try Self.checkMergeValue(node)
            entries.append(.merge(node))
        } else {
            entries.append(.pair(YAMLPair(key: key, value: node)))
        }
    }

    /// The mapping's pairs: explicit pairs in document order, merged pairs in place of their `<<`
    /// key. Explicit keys win over merged ones; among merged mappings the earlier one wins.
    func finish() -> [YAMLPair] {
        guard mergeKeyMark != nil else {
            return entries.compactMap { entry in
                if case .pair(let pair) = entry { pair } else { nil }
            }
        }
        var taken = Set(explicitKeys.map(\.id))
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(entries.count)
        for entry in entries {
            switch entry {
            case .pair(let pair):
                pairs.append(pair)
            case .merge(let source):
                for pair in Self.mergeSources(source).flatMap({ $0 }) {
                    if let id = pair.key.keyIdentity {
                        guard taken.insert(id).inserted else { continue }
                    }
                    pairs.append(pair)
                }
            }
        }
        return pairs
    }

    private mutating func checkNewKey(_ key: YAMLNode) throws(YAMLError) {
        if key.isMergeKey {
            if let first = mergeKeyMark { throw Self.duplicate("<<", first: first, again: key.mark) }
            mergeKeyMark = key.mark
            return
        }
        guard let id = key.keyIdentity else { return }
        if let keyIndex {
            if let first = keyIndex[id] { throw Self.duplicate(id, first: first, again: key.mark) }
            self.keyIndex?[id] = key.mark
        } else {
            for (known, first) in explicitKeys where known == id {
                throw Self.duplicate(id, first: first, again: key.mark)
            }
            if explicitKeys.count >= Self.scanLimit {
                keyIndex = Dictionary(explicitKeys.map { ($0.id, $0.mark) }, uniquingKeysWith: { first, _ in first })
                keyIndex?[id] = key.mark
            }
        }
        explicitKeys.append((id, key.mark))
    }

    private static func duplicate(_ key: String, first: Mark, again: Mark) -> YAMLError {
        YAMLError(
            code: .duplicateKey, mark: again,
            message: "duplicate mapping key \(UserText.quoted(key)) at \(again), first defined at \(first)",
            hint: "remove or rename one of the two entries")
    }

    private static func mergeSources(_ value: YAMLNode) -> [[YAMLPair]] {
        switch value.content {
        case .mapping(let pairs): [pairs]
        case .sequence(let items): items.compactMap(\.mappingPairs)
        case .scalar: []
        }
    }

    private static func checkMergeValue(_ value: YAMLNode) throws(YAMLError) {
        switch value.content {
        case .mapping: return
        case .sequence(let items):
            for item in items where item.mappingPairs == nil {
                throw invalidMerge(item, what: "a list item of `<<` must be a mapping")
            }
        case .scalar:
            throw invalidMerge(value, what: "merge key `<<` needs a mapping or a list of mappings")
        }
    }

    private static func invalidMerge(_ node: YAMLNode, what: String) -> YAMLError {
        YAMLError(
            code: .invalidMerge, mark: node.mark, message: "\(what), found \(node.kindName)",
            hint: "write `<<: *anchor` or `<<: [*first, *second]` where each anchor names a mapping")
    }
}
