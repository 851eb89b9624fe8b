/// A byte trie from literal texts to entries, flattened into arrays of plain values so a walk
/// copies and retains nothing.
///
/// An entry is filed either as a *prefix* (visited when the subject starts with the text) or as
/// *exact* (visited when the subject is the text). One walk along the subject's bytes visits
/// both kinds, so an index needs no hashing.
final class ByteTrie<Entry: Sendable>: Sendable {
    /// A range of entries (start, count) in ``entries``.
    struct Span: Sendable {
        var start: Int32
        var count: Int32
    }

    private let edgeStart: [Int32]
    private let edgeCount: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let prefixSpans: [Span]
    private let exactSpans: [Span]
    /// Every entry, grouped by node (prefix entries, then exact entries).
    let entries: [Entry]

    /// Whether the trie holds no entry.
    var isEmpty: Bool { entries.isEmpty }

    /// Builds the trie from (text, is-exact, entry) triples.
    init(_ items: [(text: [UInt8], exact: Bool, entry: Entry)]) {
        // A pointer-based builder first, then flattened breadth-first.
        var children: [[(UInt8, Int)]] = [[]]
        var prefixEntries: [[Entry]] = [[]]
        var exactEntries: [[Entry]] = [[]]
        for item in items {
            var node = 0
            for byte in item.text {
                if let next = children[node].first(where: { $0.0 == byte })?.1 {
                    node = next
                } else {
                    let next = children.count
                    children.append([])
                    prefixEntries.append([])
                    exactEntries.append([])
                    children[node].append((byte, next))
                    node = next
                }
            }
            if item.exact { exactEntries[node].append(item.entry) } else { prefixEntries[node].append(item.entry) }
        }
        var edgeStart: [Int32] = []
        var edgeCount: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        var prefixSpans: [Span] = []
        var exactSpans: [Span] = []
        var entries: [Entry] = []
        for node in children.indices {
            edgeStart.append(Int32(edgeBytes.count))
            edgeCount.append(Int32(children[node].count))
            for (byte, target) in children[node] {
                edgeBytes.append(byte)
                edgeTargets.append(Int32(target))
            }
            prefixSpans.append(Span(start: Int32(entries.count), count: Int32(prefixEntries[node].count)))
            entries += prefixEntries[node]
            exactSpans.append(Span(start: Int32(entries.count), count: Int32(exactEntries[node].count)))
            entries += exactEntries[node]
        }
        self.edgeStart = edgeStart
        self.edgeCount = edgeCount
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.prefixSpans = prefixSpans
        self.exactSpans = exactSpans
        self.entries = entries
    }

    /// Calls `body` with the span of every prefix entry whose text `subject` starts with and of
    /// every exact entry whose text `subject` is, shortest text first.
    @inline(__always)
    func forEachMatch(_ subject: UnsafeBufferPointer<UInt8>, _ body: (Span) -> Void) {
        if entries.isEmpty { return }
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
            edgeTargets.withUnsafeBufferPointer { edgeTargets in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeCount.withUnsafeBufferPointer { edgeCount in
                        prefixSpans.withUnsafeBufferPointer { prefixSpans in
                            var node = 0
                            var position = 0
                            while true {
                                let prefix = prefixSpans[node]
                                if prefix.count > 0 { body(prefix) }
                                if position == subject.count {
                                    let exact = exactSpans[node]
                                    if exact.count > 0 { body(exact) }
                                    return
                                }
                                let byte = subject[position]
                                var edge = Int(edgeStart[node])
                                let end = edge + Int(edgeCount[node])
                                while edge < end, edgeBytes[edge] != byte { edge += 1 }
                                if edge == end { return }
                                node = Int(edgeTargets[edge])
                                position += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
