/// One record read for review: the record, its exact line and where it was found.
public struct AuditReadRecord: Sendable {
    /// The record's fields.
    public let record: AuditRecord
    /// The record's canonical JSON line as stored.
    public let line: String
    /// The file and line, or the database, it came from.
    public let location: AuditLocation

    /// Creates a read record.
    public init(record: AuditRecord, line: String, location: AuditLocation) {
        self.record = record
        self.line = line
        self.location = location
    }
}
