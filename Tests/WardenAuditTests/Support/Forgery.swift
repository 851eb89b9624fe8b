import WardenValue

@testable import WardenAuditRecord

/// What someone who can write a log file can do to it: edit records and recompute every later
/// hash, so that the plain hash chain verifies again.
enum Forgery {
    /// The lines with `edit` applied to the record at `index` (0-based), and every record from
    /// there on re-chained: `prev` set to the hash before it, `hash` recomputed.
    static func rechain(_ lines: [String], editing index: Int, _ edit: (inout [String: Value]) -> Void) throws
        -> [String]
    {
        var records = try lines.map { line -> [String: Value] in
            guard case .map(let map) = try Value(json: line) else { throw ForgeryError() }
            return map
        }
        edit(&records[index])
        for i in index..<records.count {
            if i > 0, case .string(let previous)? = records[i - 1]["hash"] { records[i]["prev"] = .string(previous) }
            records[i]["hash"] = .string(hash(of: records[i]))
        }
        return records.map { Value.map($0).canonicalJSON }
    }

    /// The chain hash of a record: SHA-256 of `prev` and the canonical JSON without `hash`.
    static func hash(of record: [String: Value]) -> String {
        var body = record
        body["hash"] = nil
        guard case .string(let prev)? = record["prev"] else { return "" }
        return ChainHash.hash(prev: prev, canonicalJSON: Value.map(body).canonicalJSON)
    }

    /// A new call record after `last` (the line of the last record), with a correct hash.
    static func appended(after last: String, entry: AuditEntry) throws -> String {
        guard case .map(let previous) = try Value(json: last), case .int(let seq)? = previous["seq"],
            case .string(let prev)? = previous["hash"]
        else { throw ForgeryError() }
        var sealer = ChainSealer(head: AuditChainHead(seq: seq, hash: prev), node: "test")
        return sealer.seal(PreparedEntry(entry: entry, node: "test")).line
    }

    /// Whether a line is a checkpoint record.
    static func isCheckpoint(_ line: String) -> Bool { line.hasPrefix(#"{"checkpoint":"#) }
}

struct ForgeryError: Error {}
