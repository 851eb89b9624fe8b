import WardenValue

/// Typed access to the fields of one JSON object of a record, with messages naming the field.
package struct RecordFields {
    package let map: [String: Value]
    /// The dotted path of this object inside the record (empty for the record itself).
    package let path: String

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func invalid(_ key: String, _ expected: String, found: Value?) -> AuditRecordError {
        guard let found else {
            return AuditRecordError(.invalidField, "missing field `\(name(key))`")
        }
        return AuditRecordError(
            .invalidField, "field `\(name(key))` must be \(expected), found \(found.typeName) `\(found)`")
    }

    func rejectUnknown(allowed: Set<String>) throws(AuditRecordError) {
        guard map.keys.contains(where: { !allowed.contains($0) }) else { return }
        // Name the first unknown key in key order, so the message does not depend on hashing.
        for key in map.keys.sorted(by: Value.utf8Less) where !allowed.contains(key) {
            throw AuditRecordError(.invalidField, "unknown field `\(name(key))` in a version 1 record")
        }
    }

    package func string(_ key: String) throws(AuditRecordError) -> String {
        guard case .string(let s) = map[key] else { throw invalid(key, "a string", found: map[key]) }
        return s
    }

    package func string(_ key: String, validate: (String) -> Bool, expected: String) throws(AuditRecordError) -> String
    {
        guard case .string(let s) = map[key], validate(s) else { throw invalid(key, expected, found: map[key]) }
        return s
    }

    func optionalString(_ key: String) throws(AuditRecordError) -> String? {
        switch map[key] {
        case .string(let s): return s
        case .null: return nil
        default: throw invalid(key, "a string or null", found: map[key])
        }
    }

    /// A string that is left out when there is none (never `null`).
    func absentOrString(_ key: String) throws(AuditRecordError) -> String? {
        switch map[key] {
        case nil: return nil
        case .string(let s): return s
        default: throw invalid(key, "a string (left out when there is none)", found: map[key])
        }
    }

    func bool(_ key: String) throws(AuditRecordError) -> Bool {
        guard case .bool(let b) = map[key] else { throw invalid(key, "true or false", found: map[key]) }
        return b
    }

    package func int(_ key: String, minimum: Int) throws(AuditRecordError) -> Int {
        guard case .int(let i) = map[key], i >= minimum else {
            throw invalid(key, "an integer of at least \(minimum)", found: map[key])
        }
        return i
    }

    package func time(_ key: String) throws(AuditRecordError) -> AuditTime {
        guard case .string(let s) = map[key], let t = AuditTime(recordForm: s) else {
            throw invalid(key, "an RFC 3339 UTC time with microseconds", found: map[key])
        }
        return t
    }

    package func map(_ key: String) throws(AuditRecordError) -> [String: Value] {
        guard case .map(let m) = map[key] else { throw invalid(key, "an object", found: map[key]) }
        return m
    }

    func object(_ key: String) throws(AuditRecordError) -> RecordFields {
        RecordFields(map: try map(key), path: name(key))
    }

    /// An object that may be absent (never `null`).
    func optionalObject(_ key: String) throws(AuditRecordError) -> RecordFields? {
        switch map[key] {
        case nil: return nil
        case .map(let m): return RecordFields(map: m, path: name(key))
        default: throw invalid(key, "an object", found: map[key])
        }
    }

    /// An object or `null`, which must be present.
    func nullableObject(_ key: String) throws(AuditRecordError) -> RecordFields? {
        switch map[key] {
        case .map(let m): return RecordFields(map: m, path: name(key))
        case .null: return nil
        default: throw invalid(key, "an object or null", found: map[key])
        }
    }

    package func strings(_ key: String) throws(AuditRecordError) -> [String] {
        guard case .list(let list) = map[key] else { throw invalid(key, "a list of strings", found: map[key]) }
        var out: [String] = []
        out.reserveCapacity(list.count)
        for (i, element) in list.enumerated() {
            guard case .string(let s) = element else { throw invalid("\(key)[\(i)]", "a string", found: element) }
            out.append(s)
        }
        return out
    }

    func objects(_ key: String) throws(AuditRecordError) -> [RecordFields] {
        guard case .list(let list) = map[key] else { throw invalid(key, "a list of objects", found: map[key]) }
        var out: [RecordFields] = []
        out.reserveCapacity(list.count)
        for (i, element) in list.enumerated() {
            guard case .map(let m) = element else { throw invalid("\(key)[\(i)]", "an object", found: element) }
            out.append(RecordFields(map: m, path: name("\(key)[\(i)]")))
        }
        return out
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(AuditRecordError) -> E
    where E.RawValue == String {
        guard case .string(let s) = map[key], let e = E(rawValue: s) else {
            let names = E.allCases.map { "`\($0.rawValue)`" }.joined(separator: " or ")
            throw invalid(key, names, found: map[key])
        }
        return e
    }
}
