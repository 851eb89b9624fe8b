import WardenAuditRecord

/// Reads a record stored as its line in a database row: the seam a store backend reads rows
/// through, so every store parses and verifies rows exactly as the SQLite store does.
package enum AuditStoredLine {
    /// The record of a row's line; with `verifying`, the line must verify on its own (canonical
    /// form, hash) first. The line must hold `seq`, the seq the row is stored under.
    /// - Throws: ``AuditReadError`` (`.chainBreak` for a line that does not verify).
    package static func read(line: String, seq: Int, at location: AuditLocation, verifying: Bool) throws(AuditReadError)
        -> AuditReadRecord
    {
        var text = line
        if verifying {
            let result = text.withUTF8 { bytes in
                Result { () throws(RecordLine.Fault) in _ = try RecordLine.verify(bytes) }
            }
            if case .failure(let fault) = result {
                throw AuditReadError(AuditChainBreak(fault.kind, at: location, seq: fault.seq ?? seq, fault.message))
            }
        }
        var reader = CanonicalRecordReader(sharing: false)
        let parsed = text.withUTF8 { bytes in
            Result { () throws(AuditReadError) -> AuditRecord in
                try FileRecordSource.parse(bytes, at: location, reader: &reader)
            }
        }
        let record = try parsed.get()
        guard record.seq == seq else {
            throw AuditReadError(
                .invalidRecord, at: location,
                "row seq \(seq) holds a record with seq \(record.seq); run `warden audit verify --db`")
        }
        return AuditReadRecord(record: record, line: line, location: location)
    }
}
