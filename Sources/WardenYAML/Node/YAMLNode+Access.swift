import WardenValue

extension YAMLNode {
    /// The text of a scalar node, `nil` for collections.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// The style of a scalar node, `nil` for collections.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The pairs of a mapping node in document order, `nil` for other nodes.
    public var mappingPairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items of a sequence node, `nil` for other nodes.
    public var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// Whether the node is a scalar.
    public var isScalar: Bool { scalarText != nil }

    /// Whether the node is null: an untagged plain `null`/`~`/empty scalar, or tagged `!!null`.
    public var isNull: Bool {
        guard case .scalar(let text, let style) = content else { return false }
        switch tag {
        case nil: return style == .plain && CoreSchema.isNull(text)
        case "!!null": return CoreSchema.isNull(text)
        default: return false
        }
    }

    /// The pair of a mapping whose key is a scalar with text `key`; `nil` when there is none or
    /// the node is not a mapping.
    public subscript(key key: String) -> YAMLPair? {
        mappingPairs?.first { $0.key.scalarText == key }
    }

    /// What the node is, for messages: `a mapping`, `a sequence`, `null`, `a boolean`,
    /// `an integer`, `a number`, `an empty string` or `a string` (scalars as the core schema
    /// resolves them).
    public var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            switch try? value {
            case .null?: return "null"
            case .bool?: return "a boolean"
            case .int?: return "an integer"
            case .double?: return "a number"
            case .string(let text)?: return text.isEmpty ? "an empty string" : "a string"
            default: return "a scalar"
            }
        }
    }

    /// The identity used to detect duplicate keys: a scalar's text; `nil` for collections.
    var keyIdentity: String? { scalarText }

    /// Whether this is a merge key: a plain `<<` without a tag, or tagged `!!merge`.
    var isMergeKey: Bool {
        guard case .scalar("<<", let style) = content else { return false }
        return (tag == nil && style == .plain) || tag == "!!merge"
    }
}
