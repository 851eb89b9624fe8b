/// A record with its place in the chain, and its line: the canonical JSON including `hash`
/// (without the trailing newline). Sinks store the line byte for byte.
public struct SealedRecord: Sendable {
    /// The record's fields.
    public let record: AuditRecord
    /// The line's UTF-8 bytes.
    public let lineBytes: [UInt8]

    /// The canonical JSON text of the record, `hash` included.
    public var line: String { String(decoding: lineBytes, as: UTF8.self) }

    /// Pairs a record with its line; callers guarantee the line is the record's canonical JSON.
    package init(record: AuditRecord, lineBytes: [UInt8]) {
        self.record = record
        self.lineBytes = lineBytes
    }
}
