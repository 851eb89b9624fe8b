/// Builds node trees from parse events: expands aliases, applies merge keys, enforces limits.
///
/// Nodes are counted as they are built and each alias adds the full size of the node it copies,
/// so an alias bomb stops at the first alias that crosses ``YAMLLimits/maxNodes``; copies share
/// storage until then, so memory stays proportional to the input.
struct StreamBuilder {
    /// A finished node with its size after alias expansion and its collection height.
    struct Built {
        var node: YAMLNode
        /// Nodes in the subtree, the node itself included.
        var count: Int
        /// Nested collection levels: 0 for a scalar, 1 for a flat collection.
        var height: Int
    }

    /// A collection still being read.
    private struct Frame {
        var mark: Mark
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var mapping: MappingBuilder?
        var count = 1
        var height = 1
    }

    private let limits: YAMLLimits
    private let file: String
    private var frames: [Frame] = []
    private var anchors: [String: Built] = [:]
    private var totalNodes = 0
    private var root: YAMLNode?
    /// The finished documents, one root node each.
    private(set) var documents: [YAMLNode] = []

    /// Creates a builder for one stream.
    init(limits: YAMLLimits, file: String) {
        self.limits = limits
        self.file = file
    }

    /// Feeds one event.
    mutating func handle(_ event: ParseEvent) throws(YAMLError) {
        switch event {
        case .streamStart, .streamEnd:
            break
        case .documentStart:
            anchors = [:]
            root = nil
        case .documentEnd:
            if let root { documents.append(root) }
            root = nil
        case .alias(let name, let mark):
            try attach(expand(alias: name, at: mark))
        case .scalar(let text, let style, let tag, let anchor, let mark):
            try countNodes(1, at: mark)
            let node = YAMLNode(content: .scalar(text, style), mark: mark, tag: tag)
            try attach(Built(node: node, count: 1, height: 0), anchor: anchor)
        case .sequenceStart(let tag, let anchor, let mark):
            try open(Frame(mark: mark, tag: tag, anchor: anchor))
        case .mappingStart(let tag, let anchor, let mark):
            try open(Frame(mark: mark, tag: tag, anchor: anchor, mapping: MappingBuilder()))
        case .sequenceEnd, .mappingEnd:
            guard let frame = frames.popLast() else { return }
            let content: YAMLNode.Content =
                if let mapping = frame.mapping { .mapping(mapping.finish()) } else { .sequence(frame.items) }
            let node = YAMLNode(content: content, mark: frame.mark, tag: frame.tag)
            try attach(Built(node: node, count: frame.count, height: frame.height), anchor: frame.anchor)
        }
    }

    private mutating func open(_ frame: Frame) throws(YAMLError) {
        try countNodes(1, at: frame.mark)
        try checkDepth(frames.count + 1, at: frame.mark)
        frames.append(frame)
    }

    private mutating func attach(_ built: Built, anchor: String? = nil) throws(YAMLError) {
        if let anchor { anchors[anchor] = built }
        guard !frames.isEmpty else {
            root = built.node
            return
        }
        let top = frames.count - 1
        frames[top].count += built.count
        frames[top].height = max(frames[top].height, built.height + 1)
        if frames[top].mapping != nil {
            try frames[top].mapping?.add(built.node)
        } else {
            frames[top].items.append(built.node)
        }
    }

    private mutating func expand(alias name: String, at mark: Mark) throws(YAMLError) -> Built {
        guard let target = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                throw YAMLError(
                    code: .recursiveAlias, mark: mark,
                    message: "alias `*\(name)` refers to a node that contains it",
                    hint: "recursive structures are not supported; copy the content instead")
            }
            throw YAMLError(
                code: .unknownAlias, mark: mark, message: "unknown alias `*\(name)`",
                hint: "define the anchor `&\(name)` before this alias, in the same document")
        }
        try countNodes(target.count, at: mark)
        try checkDepth(frames.count + target.height, at: mark)
        return target
    }

    private mutating func countNodes(_ n: Int, at mark: Mark) throws(YAMLError) {
        let (sum, overflow) = totalNodes.addingReportingOverflow(n)
        guard !overflow, sum <= limits.maxNodes else {
            throw YAMLError(
                code: .tooManyNodes, mark: mark,
                message: "the document has more than \(limits.maxNodes) nodes once aliases are expanded",
                hint: "reduce the use of aliases (`*name`) or split the file")
        }
        totalNodes = sum
    }

    private func checkDepth(_ depth: Int, at mark: Mark) throws(YAMLError) {
        guard depth > limits.maxDepth else { return }
        throw YAMLError(
            code: .tooDeep, mark: mark,
            message: "collections nest deeper than \(limits.maxDepth) levels",
            hint: "flatten the structure; at most \(limits.maxDepth) nested mappings and sequences are read")
    }
}
