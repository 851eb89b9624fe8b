import Crypto
import WardenValue

/// The revision of a policy set: SHA-256 (hex) of its canonical content.
///
/// The content is every policy as a canonical JSON object (id, kind, effect, patterns,
/// conditions or expression, sorted groups, merged meta), in id order, so the revision does not
/// depend on file order, file names, formatting, comments or how a list was spelled. The bytes
/// are those of `Value.canonicalJSON` of ``canonical(_:)``, written directly for speed.
enum PolicyRevision {
    /// The revision of `definitions` (any order).
    static func of(_ definitions: [PolicyDefinition]) -> String {
        let sorted = definitions.sorted { Value.utf8Less($0.id, $1.id) }
        return of(sorted: sorted, ids: sorted.map(\.id))
    }

    /// The revision of definitions already sorted by id, with their ids.
    static func of(sorted: [PolicyDefinition], ids: [String]) -> String {
        var out = CanonicalBytes()
        out.raw("[")
        for (index, definition) in sorted.enumerated() {
            if index > 0 { out.raw(",") }
            write(definition, id: ids[index], into: &out)
        }
        out.raw("]")
        return SHA256.hash(data: out.bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// One definition's canonical JSON, keys in UTF-8 order (as ``canonical(_:)`` would sort them).
    static func write(_ definition: PolicyDefinition, id: String? = nil, into out: inout CanonicalBytes) {
        out.raw("{\"actions\":")
        out.write(strings: definition.actions)
        switch definition.body {
        case .conditions(let conditions):
            out.raw(",\"conditions\":[")
            for (index, condition) in conditions.enumerated() {
                if index > 0 { out.raw(",") }
                out.raw("{\"field\":")
                out.write(string: condition.field)
                out.raw(",\"operator\":")
                out.write(string: condition.op.rawValue)
                switch condition.operand {
                case .value(let value):
                    out.raw(",\"value\":")
                    out.write(value)
                case .valueFrom(let path):
                    out.raw(",\"value_from\":")
                    out.write(string: path)
                }
                out.raw("}")
            }
            out.raw("]")
        case .expression:
            break
        }
        out.raw(",\"effect\":")
        out.write(string: definition.effect.rawValue)
        if case .expression(let source) = definition.body {
            out.raw(",\"expression\":")
            out.write(string: source)
        }
        out.raw(",\"groups\":")
        out.write(strings: Set(definition.groups).sorted(by: Value.utf8Less))
        out.raw(",\"id\":")
        out.write(string: id ?? definition.id)
        out.raw(",\"kind\":")
        out.write(string: definition.kind)
        out.raw(",\"meta\":")
        out.write(.map(definition.meta))
        out.raw(",\"resources\":")
        out.write(strings: definition.resources)
        out.raw("}")
    }

    /// One definition as a canonical value (the content ``write(_:into:)`` serialises).
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
