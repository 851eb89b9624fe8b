import WardenValue

extension YAMLNode {
    /// The node as a ``Value`` under the YAML 1.2 core schema.
    ///
    /// Plain scalars are resolved (``CoreSchema/resolvePlain(_:)``); quoted and block scalars are
    /// strings; the tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` and `!`
    /// are honoured. Mappings become `.map` keyed by each key's scalar text as written.
    /// - Throws: `invalid-value` when a scalar does not fit its tag or a tag does not fit the
    ///   node's kind, `unknown-tag` for any other tag, `non-scalar-key` for a mapping or sequence
    ///   used as a key.
    public var value: Value {
        get throws(YAMLError) {
            switch content {
            case .scalar(let text, let style):
                return try scalarValue(text, style)
            case .sequence(let items):
                try checkCollectionTag("!!seq")
                var list: [Value] = []
                list.reserveCapacity(items.count)
                for item in items { list.append(try item.value) }
                return .list(list)
            case .mapping(let pairs):
                try checkCollectionTag("!!map")
                var map: [String: Value] = [:]
                map.reserveCapacity(pairs.count)
                for pair in pairs {
                    guard let key = pair.key.scalarText else {
                        throw YAMLError(
                            code: .nonScalarKey, mark: pair.key.mark,
                            message: "a mapping key must be a scalar, found \(pair.key.kindName)",
                            hint: "use a plain or quoted string as the key")
                    }
                    _ = try pair.key.value  // the key's tag must be valid too
                    map[key] = try pair.value.value
                }
                return .map(map)
            }
        }
    }

    private func scalarValue(_ text: String, _ style: ScalarStyle) throws(YAMLError) -> Value {
        switch tag {
        case nil:
            return style == .plain ? CoreSchema.resolvePlain(text) : .string(text)
        case "!", "!!str":
            return .string(text)
        case "!!null":
            if CoreSchema.isNull(text) { return .null }
        case "!!bool":
            if let b = CoreSchema.bool(text) { return .bool(b) }
        case "!!int":
            if let i = CoreSchema.int(text) { return .int(i) }
        case "!!float":
            if let d = CoreSchema.float(text) { return .double(d) }
        case "!!map", "!!seq":
            throw YAMLError(
                code: .invalidValue, mark: mark,
                message: "tag \(UserText.quoted(tag ?? "")) needs a collection, found a scalar",
                hint: "remove the tag or write the matching collection")
        default:
            throw unknownTag()
        }
        throw YAMLError(
            code: .invalidValue, mark: mark,
            message: "\(UserText.quoted(text)) is not a valid \(UserText.quoted(tag ?? "")) value",
            hint: Self.tagHints[tag ?? ""] ?? "remove the tag")
    }

    private static let tagHints: [String: String] = [
        "!!null": "write `null`, `~` or nothing",
        "!!bool": "write `true` or `false`",
        "!!int": "write a 64-bit integer such as `42`, `-7`, `0o17` or `0x1F`",
        "!!float": "write a number such as `1.5`, `1e3`, `.inf` or `.nan`",
    ]

    private func checkCollectionTag(_ expected: String) throws(YAMLError) {
        guard let tag, tag != "!", tag != expected else { return }
        if ["!!str", "!!null", "!!bool", "!!int", "!!float", "!!map", "!!seq"].contains(tag) {
            throw YAMLError(
                code: .invalidValue, mark: mark,
                message: "tag \(UserText.quoted(tag)) does not fit \(kindName)",
                hint: "remove the tag or change the content to match it")
        }
        throw unknownTag()
    }

    private func unknownTag() -> YAMLError {
        YAMLError(
            code: .unknownTag, mark: mark,
            message: "unsupported tag \(UserText.quoted(tag ?? ""))",
            hint: "use no tag or one of `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`")
    }
}
