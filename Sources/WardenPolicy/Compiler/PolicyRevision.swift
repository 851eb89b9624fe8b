import Crypto
import WardenValue

/// The revision of a policy set: SHA-256 (hex) of its canonical content.
///
/// The content is every policy as a canonical JSON object (id, kind, effect, patterns,
/// conditions or expression, sorted groups, merged meta), in id order, so the revision does not
/// depend on file order, file names, formatting, comments or how a list was spelled.
enum PolicyRevision {
    /// The revision of `definitions` (any order).
    static func of(_ definitions: [PolicyDefinition]) -> String {
        let sorted = definitions.sorted { Value.utf8Less($0.id, $1.id) }
        let content = Value.list(sorted.map(canonical)).canonicalJSON
        return SHA256.hash(data: Array(content.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// One definition as a canonical value.
    static func canonical(_ definition: PolicyDefinition) -> Value {
        var object: [String: Value] = [
            "id": .string(definition.id),
            "kind": .string(definition.kind),
            "effect": .string(definition.effect.rawValue),
            "actions": .list(definition.actions.map(Value.string)),
            "resources": .list(definition.resources.map(Value.string)),
            "groups": .list(Set(definition.groups).sorted(by: Value.utf8Less).map(Value.string)),
            "meta": .map(definition.meta),
        ]
        switch definition.body {
        case .conditions(let conditions):
            object["conditions"] = .list(
                conditions.map { condition in
                    var c: [String: Value] = [
                        "field": .string(condition.field), "operator": .string(condition.op.rawValue),
                    ]
                    switch condition.operand {
                    case .value(let value): c["value"] = value
                    case .valueFrom(let path): c["value_from"] = .string(path)
                    }
                    return .map(c)
                })
        case .expression(let source):
            object["expression"] = .string(source)
        }
        return .map(object)
    }
}
