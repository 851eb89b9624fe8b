import Foundation
import Testing
import WardenValue

@testable import WardenAuditRecord

/// Checks written records against `schemas/audit-record.schema.json`.
///
/// No JSON Schema library is available to the package, so the test carries a small validator for
/// the keywords the schema uses (and fails on any other keyword, so the two stay in step).
@Suite struct AuditRecordSchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schemas/audit-record.schema.json")

    private func loadSchema() throws -> Value {
        try Value(json: String(contentsOf: Self.schemaURL, encoding: .utf8))
    }

    @Test func recordsWrittenByTheLogValidateAgainstTheSchema() async throws {
        let schema = try loadSchema()
        let dir = try TemporaryDirectory()
        try await writeLog(dir.file("audit.jsonl"), count: 60)
        for line in try dir.lines("audit.jsonl") {
            let errors = SchemaValidator(root: schema).validate(try Value(json: line))
            #expect(errors.isEmpty, "\(errors)")
        }
    }

    @Test func checkpointRecordsValidateAgainstTheSchemaAndBrokenOnesDoNot() async throws {
        let schema = try loadSchema()
        let dir = try TemporaryDirectory()
        try await writeSignedLog(dir.file("audit.jsonl"), key: .generate(), count: 4, everyRecords: 2)
        let lines = try dir.lines("audit.jsonl")
        let checkpoints = lines.filter(Forgery.isCheckpoint)
        #expect(checkpoints.count == 4)
        for line in lines {
            let errors = SchemaValidator(root: schema).validate(try Value(json: line))
            #expect(errors.isEmpty, "\(errors)")
        }
        guard case .map(var record) = try Value(json: checkpoints[1]), case .map(var body)? = record["checkpoint"]
        else { return }
        body["key"] = "not-a-key-id"
        record["checkpoint"] = .map(body)
        #expect(!SchemaValidator(root: schema).validate(.map(record)).isEmpty)
        record["checkpoint"] = nil
        #expect(!SchemaValidator(root: schema).validate(.map(record)).isEmpty)
    }

    @Test(arguments: [
        ("v", Value.int(2)), ("seq", .int(0)), ("time", .string("2025-01-01T00:00:00Z")),
        ("decision", .string("maybe")),
        ("hash", .string("ABC")), ("extra", .bool(true)), ("caller", .map([:])),
        ("checks", .list([.map(["action": "a"])])),
    ])
    func invalidRecordsFailTheSchema(field: String, value: Value) async throws {
        let schema = try loadSchema()
        var sealer = ChainSealer(head: .genesis, node: "n")
        guard case .map(var record) = sealer.seal(PreparedEntry(entry: Entries.spawn(), node: "n")).record.value else {
            return
        }
        #expect(SchemaValidator(root: schema).validate(.map(record)).isEmpty)
        record[field] = value
        #expect(!SchemaValidator(root: schema).validate(.map(record)).isEmpty)
    }
}

/// A validator for the JSON Schema 2020-12 keywords the audit record schema uses.
struct SchemaValidator {
    let root: Value
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]

    func validate(_ value: Value) -> [String] {
        var errors: [String] = []
        check(value, against: root, at: "$", &errors)
        return errors
    }

    private func resolve(_ schema: Value) -> Value {
        guard let ref = schema["$ref"]?.stringValue, ref.hasPrefix("#/") else { return schema }
        return root.lookup(ref.dropFirst(2).split(separator: "/")) ?? .null
    }

    private func typeMatches(_ value: Value, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .map), ("array", .list), ("string", .string), ("boolean", .bool), ("null", .null),
            ("integer", .int):
            true
        case ("number", .int), ("number", .double): true
        default: false
        }
    }

    private func check(_ value: Value, against raw: Value, at path: String, _ errors: inout [String]) {
        guard case .map(let schema) = raw else {
            errors.append("\(path): schema is not an object")
            return
        }
        for (keyword, rule) in schema {
            switch keyword {
            case _ where Self.annotations.contains(keyword): continue
            case "$ref": check(value, against: resolve(raw), at: path, &errors)
            case "type":
                let types = rule.listValue?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
                if !types.contains(where: { typeMatches(value, $0) }) { errors.append("\(path): not \(types)") }
            case "const": if value != rule { errors.append("\(path): not \(rule)") }
            case "enum": if !(rule.listValue ?? []).contains(value) { errors.append("\(path): not one of \(rule)") }
            case "minimum":
                if let n = value.numericValue, let min = rule.numericValue, n < min {
                    errors.append("\(path): below \(min)")
                }
            case "pattern":
                if case .string(let s) = value, let pattern = rule.stringValue,
                    s.range(of: pattern, options: .regularExpression) == nil
                {
                    errors.append("\(path): does not match \(pattern)")
                }
            case "required":
                if case .map(let m) = value {
                    for key in rule.listValue?.compactMap(\.stringValue) ?? [] where m[key] == nil {
                        errors.append("\(path): missing \(key)")
                    }
                }
            case "properties":
                if case .map(let m) = value, case .map(let properties) = rule {
                    for (key, sub) in properties {
                        if let v = m[key] { check(v, against: sub, at: "\(path).\(key)", &errors) }
                    }
                }
            case "additionalProperties":
                if case .map(let m) = value, rule == .bool(false) {
                    let known = Set(schema["properties"]?.mapValue?.keys.map { $0 } ?? [])
                    for key in m.keys where !known.contains(key) { errors.append("\(path): unexpected \(key)") }
                }
            case "items":
                if case .list(let items) = value {
                    for (i, item) in items.enumerated() { check(item, against: rule, at: "\(path)[\(i)]", &errors) }
                }
            case "oneOf":
                let matching = (rule.listValue ?? []).filter { sub in
                    var local: [String] = []
                    check(value, against: sub, at: path, &local)
                    return local.isEmpty
                }
                if matching.count != 1 { errors.append("\(path): matches \(matching.count) of oneOf") }
            default:
                errors.append("\(path): unsupported schema keyword \(keyword)")
            }
        }
    }
}
