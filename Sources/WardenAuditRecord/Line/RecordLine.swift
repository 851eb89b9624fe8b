import Crypto
import WardenValue

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one line as a record and checks it on its own: JSON, version, fields, canonical form
/// and its own hash (which covers its `prev`). Chain continuity is ``ChainChecker``'s job.
package enum RecordLine {
    /// Every call record line starts with this (the first key in canonical order).
    package static let recordPrefix = Array(#"{"caller":"#.utf8)
    /// Every checkpoint record line starts with this.
    package static let checkpointPrefix = Array(#"{"checkpoint":"#.utf8)

    /// What is wrong with a line, before its location is known.
    package struct Fault: Error {
        package var kind: AuditChainBreak.Kind
        package var seq: Int?
        package var message: String
    }

    /// A line that verifies on its own.
    package enum Checked {
        /// A line in the writer's form, scanned into the caller's layout.
        case scanned
        /// Any other valid line, parsed in full.
        case parsed(AuditRecord)
    }

    /// The verified record of a line.
    package static func verify(_ line: [UInt8]) throws(Fault) -> AuditRecord {
        let result = line.withUnsafeBufferPointer { buffer in
            Result { () throws(Fault) -> AuditRecord in try verify(buffer) }
        }
        return try result.get()
    }

    /// The verified record of a line.
    package static func verify(_ line: UnsafeBufferPointer<UInt8>) throws(Fault) -> AuditRecord {
        var layout = RecordLayout()
        switch try check(line, layout: &layout) {
        case .parsed(let record):
            return record
        case .scanned:
            var reader = CanonicalRecordReader(sharing: false)
            if let record = try? reader.record(of: layout, line: line) { return record }
            return try verifyFully(line)
        }
    }

    /// Verifies a line on its own without building its record when it is in the writer's form:
    /// ``RecordLayout`` checks it in one pass and its hash is computed over the line without the
    /// `hash` member, with no re-encoding. Any other line takes the full path
    /// (``verifyFully(_:)``), which finds and describes what is wrong.
    package static func check(_ line: UnsafeBufferPointer<UInt8>, layout: inout RecordLayout) throws(Fault) -> Checked {
        if scanCanonical(line, into: &layout) { return .scanned }
        return .parsed(try verifyFully(line))
    }

    /// Whether `line` is a record in canonical form whose hash matches (then `layout` holds it).
    private static func scanCanonical(_ line: UnsafeBufferPointer<UInt8>, into layout: inout RecordLayout) -> Bool {
        guard (try? layout.scan(line)) != nil else { return false }
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[layout.prev.range])))
        hasher.update(
            bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[..<layout.hashMember.lowerBound])))
        hasher.update(
            bufferPointer: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: line[layout.hashMember.upperBound...])))
        return ChainHash.matches(hasher.finalize(), hex: UnsafeBufferPointer(rebasing: line[layout.hash.range]))
    }

    /// The verified record of a line, by parsing it into a `Value`, encoding that again and
    /// comparing; slower than the canonical reading, but it explains every fault.
    static func verifyFully(_ line: UnsafeBufferPointer<UInt8>) throws(Fault) -> AuditRecord {
        let value: Value
        do {
            value = try JSONLineParser.parse(line)
        } catch {
            throw Fault(kind: .invalidJSON, message: "\(error.description); the line is not a record")
        }
        guard case .map(let map) = value else {
            throw Fault(
                kind: .invalidRecord, message: "not an audit record: expected a JSON object, found \(value.typeName)")
        }
        let seq: Int? = if case .int(let s) = map["seq"] { s } else { nil }
        if case .int(let v) = map["v"], v > AuditRecord.version {
            throw Fault(
                kind: .futureVersion, seq: seq,
                message:
                    "record version `\(v)` is newer than this reader understands (version \(AuditRecord.version)); use a newer warden"
            )
        }
        guard case .string(let hash) = map["hash"], case .string(let prev) = map["prev"] else {
            throw Fault(
                kind: .invalidRecord, seq: seq, message: "not an audit record: `hash` and `prev` must be strings")
        }
        let (full, withoutHash) = canonicalForms(map)
        let identical = full.withUnsafeBytes { a in
            guard a.count == line.count, let x = a.baseAddress, let y = line.baseAddress else {
                return a.count == line.count
            }
            return memcmp(x, y, a.count) == 0
        }
        guard identical else {
            throw Fault(
                kind: .nonCanonical, seq: seq,
                message:
                    "altered record: the line is not in the canonical form the writer produces (bytes were changed)")
        }
        var hasher = SHA256()
        ChainHash.update(&hasher, prev)
        hasher.update(data: withoutHash)
        let computed = ChainHash.hex(hasher.finalize())
        guard computed == hash else {
            throw Fault(
                kind: .alteredRecord, seq: seq,
                message: "altered record: its hash `\(hash)` does not match its content (recomputed `\(computed)`)")
        }
        do {
            return try AuditRecord(value: value)
        } catch {
            throw Fault(
                kind: error.kind == .futureVersion ? .futureVersion : .invalidRecord, seq: seq, message: error.message)
        }
    }

    /// The canonical JSON of `map`, and of `map` without its `hash` key, encoding each field once.
    static func canonicalForms(_ map: [String: Value]) -> (full: [UInt8], withoutHash: [UInt8]) {
        var full: [UInt8] = [UInt8(ascii: "{")]
        var withoutHash: [UInt8] = [UInt8(ascii: "{")]
        full.reserveCapacity(2048)
        withoutHash.reserveCapacity(2048)
        var field: [UInt8] = []
        for (key, value) in map.sorted(by: { Value.utf8Less($0.key, $1.key) }) {
            field.removeAll(keepingCapacity: true)
            Value.writeJSONString(key, into: &field)
            field.append(UInt8(ascii: ":"))
            value.writeCanonicalJSON(into: &field)
            if full.count > 1 { full.append(UInt8(ascii: ",")) }
            full.append(contentsOf: field)
            if key != "hash" {
                if withoutHash.count > 1 { withoutHash.append(UInt8(ascii: ",")) }
                withoutHash.append(contentsOf: field)
            }
        }
        full.append(UInt8(ascii: "}"))
        withoutHash.append(UInt8(ascii: "}"))
        return (full, withoutHash)
    }
}
