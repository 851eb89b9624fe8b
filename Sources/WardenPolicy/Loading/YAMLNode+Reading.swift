import WardenValue
import WardenYAML

extension YAMLNode {
    /// The node's core-schema value, or `nil` when it cannot be converted.
    var resolvedValue: Value? { try? value }

    /// The string a scalar resolves to under the core schema; `nil` for anything else
    /// (`name: 3` is an integer, not a string).
    var stringValue: String? {
        guard case .scalar(let text, let style) = content else { return nil }
        if tag == nil, style != .plain { return text }  // quoted and block scalars are strings
        guard case .string(let s)? = resolvedValue else { return nil }
        return s
    }

    /// The value of the pair whose key is the scalar `key`, without copying the other pairs.
    func member(_ key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        for index in pairs.indices {
            if case .scalar(let text, _) = pairs[index].key.content, text == key { return pairs[index] }
        }
        return nil
    }
}
