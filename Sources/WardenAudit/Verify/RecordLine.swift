import Crypto
import WardenValue

/// Reads one line as a record and checks it on its own: JSON, version, fields, canonical form
/// and its own hash (which covers its `prev`). Chain continuity is ``ChainChecker``'s job.
enum RecordLine {
    /// What is wrong with a line, before its location is known.
    struct Fault: Error {
        var kind: AuditChainBreak.Kind
        var seq: Int?
        var message: String
    }

    /// The verified record of a line.
    static func verify(_ line: [UInt8]) throws(Fault) -> AuditRecord {
        let result = line.withUnsafeBufferPointer { buffer in
            Result { () throws(Fault) -> AuditRecord in try verify(buffer) }
        }
        return try result.get()
    }

    /// The verified record of a line.
    static func verify(_ line: UnsafeBufferPointer<UInt8>) throws(Fault) -> AuditRecord {
        let value: Value
        do {
            value = try JSONLineParser.parse(line)
        } catch {
            throw Fault(kind: .invalidJSON, message: "\(error.description); the line is not a record")
        }
        guard case .map(let map) = value else {
            throw Fault(kind: .invalidRecord, message: "not an audit record: expected a JSON object, found \(value.typeName)")
        }
        let seq: Int? = if case .int(let s) = map["seq"] { s } else { nil }
        if case .int(let v) = map["v"], v > AuditRecord.version {
            throw Fault(
                kind: .futureVersion, seq: seq,
                message: "record version `\(v)` is newer than this reader understands (version \(AuditRecord.version)); use a newer warden")
        }
        guard case .string(let hash) = map["hash"], case .string(let prev) = map["prev"] else {
            throw Fault(kind: .invalidRecord, seq: seq, message: "not an audit record: `hash` and `prev` must be strings")
        }
        let (full, withoutHash) = canonicalForms(map)
        guard full.utf8.elementsEqual(line) else {
            throw Fault(
                kind: .nonCanonical, seq: seq,
                message: "altered record: the line is not in the canonical form the writer produces (bytes were changed)")
        }
        let computed = ChainHash.hash(prev: prev, canonicalJSON: withoutHash)
        guard computed == hash else {
            throw Fault(
                kind: .alteredRecord, seq: seq,
                message: "altered record: its hash `\(hash)` does not match its content (recomputed `\(computed)`)")
        }
        do {
            return try AuditRecord(value: value)
        } catch {
            throw Fault(kind: error.kind == .futureVersion ? .futureVersion : .invalidRecord, seq: seq, message: error.message)
        }
    }

    /// The canonical JSON of `map`, and of `map` without its `hash` key, encoding each field once.
    static func canonicalForms(_ map: [String: Value]) -> (full: String, withoutHash: String) {
        var full = "{"
        var withoutHash = "{"
        var field = ""
        for key in map.keys.sorted(by: Value.utf8Less) {
            field.removeAll(keepingCapacity: true)
            Value.writeJSONString(key, into: &field)
            field += ":"
            map[key]?.writeCanonicalJSON(into: &field)
            if full.utf8.count > 1 { full += "," }
            full += field
            if key != "hash" {
                if withoutHash.utf8.count > 1 { withoutHash += "," }
                withoutHash += field
            }
        }
        full += "}"
        withoutHash += "}"
        return (full, withoutHash)
    }
}
