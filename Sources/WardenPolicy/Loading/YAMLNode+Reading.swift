import WardenValue
import WardenYAML

extension YAMLNode {
    /// The node's core-schema value, or `nil` when it cannot be converted.
    var resolvedValue: Value? { try? value }

    /// The string a scalar resolves to under the core schema; `nil` for anything else
    /// (`name: 3` is an integer, not a string).
    var stringValue: String? {
        guard isScalar, case .string(let s)? = resolvedValue else { return nil }
        return s
    }
}
