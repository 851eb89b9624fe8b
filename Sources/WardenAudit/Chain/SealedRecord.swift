/// A record with its place in the chain, and its line: the canonical JSON including `hash`
/// (without the trailing newline). Sinks store the line byte for byte.
public struct SealedRecord: Sendable {
    /// The record's fields.
    public let record: AuditRecord
    /// The canonical JSON text of the record, `hash` included.
    public let line: String

    /// Pairs a record with its line; callers guarantee the line is the record's canonical JSON.
    package init(record: AuditRecord, line: String) {
        self.record = record
        self.line = line
    }
}
