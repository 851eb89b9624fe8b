/// A byte trie from literal prefixes to entries: one walk over a subject visits the entries of
/// every stored prefix the subject starts with.
struct PrefixTrie<Entry: Sendable>: Sendable {
    private struct Node: Sendable {
        var keys: [UInt8] = []
        var children: [Int32] = []
        var entries: [Entry] = []
    }

    private var nodes: [Node] = [Node()]

    /// Whether nothing has been inserted.
    private(set) var isEmpty = true

    /// Files `entry` under `prefix`.
    mutating func insert(_ prefix: [UInt8], _ entry: Entry) {
        var current = 0
        for byte in prefix {
            if let slot = nodes[current].keys.firstIndex(of: byte) {
                current = Int(nodes[current].children[slot])
            } else {
                let child = nodes.count
                nodes.append(Node())
                nodes[current].keys.append(byte)
                nodes[current].children.append(Int32(child))
                current = child
            }
        }
        nodes[current].entries.append(entry)
        isEmpty = false
    }

    /// Calls `body` with every entry whose prefix `subject` starts with (shortest prefix first).
    @inline(__always)
    func forEachPrefix(of subject: UnsafeBufferPointer<UInt8>, _ body: (Entry) -> Void) {
        if isEmpty { return }
        nodes.withUnsafeBufferPointer { nodes in
            var current = 0
            for entry in nodes[0].entries { body(entry) }
            for byte in subject {
                let node = nodes[current]
                guard let slot = node.keys.firstIndex(of: byte) else { return }
                current = Int(node.children[slot])
                for entry in nodes[current].entries { body(entry) }
            }
        }
    }
}
