import WardenAuditRecord

/// One record read for review: the record, its exact line and where it was found.
public struct AuditReadRecord: Sendable {
    private enum Line: Sendable {
        case text(String)
        case chunk(LineChunk, Range<Int>)
    }

    /// The record's fields.
    public let record: AuditRecord
    /// The file and line, or the database, it came from.
    public let location: AuditLocation
    private let storedLine: Line

    /// Creates a read record.
    public init(record: AuditRecord, line: String, location: AuditLocation) {
        self.record = record
        self.location = location
        storedLine = .text(line)
    }

    /// A read record whose line is kept as bytes in a chunk shared with other records, and
    /// turned into text only when asked for (most readers of many records never look at it).
    init(record: AuditRecord, line: (chunk: LineChunk, range: Range<Int>), location: AuditLocation) {
        self.record = record
        self.location = location
        storedLine = .chunk(line.chunk, line.range)
    }

    /// The record's canonical JSON line as stored.
    public var line: String {
        switch storedLine {
        case .text(let text): text
        case .chunk(let chunk, let range): chunk.text(range)
        }
    }
}
