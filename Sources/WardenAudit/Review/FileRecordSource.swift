import WardenValue

/// Records of JSON Lines files, parsed (not verified) and filtered.
final class FileRecordSource: RecordSource {
    let paths: [String]
    let filter: AuditFilter
    private var fileIndex = 0
    private var reader: LineReader?
    private var recordReader = CanonicalRecordReader(sharing: true)
    private var lines = LineChunk.Writer()

    init(paths: [String], filter: AuditFilter) {
        self.paths = paths
        self.filter = filter
    }

    func next() throws(AuditReadError) -> AuditReadRecord? {
        while fileIndex < paths.count {
            let path = paths[fileIndex]
            if reader == nil {
                do { reader = try LineReader(path: path) } catch {
                    throw AuditReadError(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)")
                }
            }
            while let line = try nextLine(path) {
                guard line.terminated else { continue }
                let location = AuditLocation(path: path, line: line.number)
                let record = try Self.parse(line.bytes, at: location, reader: &recordReader)
                if filter.matches(record) {
                    return AuditReadRecord(record: record, line: lines.store(line.bytes), location: location)
                }
            }
            reader = nil
            fileIndex += 1
        }
        return nil
    }

    private func nextLine(_ path: String) throws(AuditReadError) -> LineReader.LineView? {
        guard let current = reader else { return nil }
        do {
            return try current.nextView()
        } catch {
            switch error {
            case .system(let system):
                throw AuditReadError(.unreadable, at: AuditLocation(path: path, line: nil), "cannot read: \(system)")
            case .lineTooLong(let line, let limit):
                throw AuditReadError(
                    .invalidRecord, at: AuditLocation(path: path, line: line), "line longer than \(limit) bytes; this is not an audit log")
            }
        }
    }

    /// Parses one line into a record, with an error naming the location.
    static func parse(_ bytes: [UInt8], at location: AuditLocation) throws(AuditReadError) -> AuditRecord {
        var reader = CanonicalRecordReader(sharing: false)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(AuditReadError) -> AuditRecord in try parse(buffer, at: location, reader: &reader) }
        }
        return try result.get()
    }

    /// Parses one line into a record, with an error naming the location.
    ///
    /// A line in the writer's form is read directly by `reader` (kept from line to line); any
    /// other goes through the general parser, which accepts any JSON spelling of a record.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, at location: AuditLocation, reader: inout CanonicalRecordReader
    ) throws(AuditReadError) -> AuditRecord {
        if let record = try? reader.record(bytes) { return record }
        do {
            return try AuditRecord(value: try JSONLineParser.parse(bytes))
        } catch let error as JSONParseError {
            throw AuditReadError(.invalidRecord, at: location, "\(error); run `warden audit verify` to find the damage")
        } catch let error as AuditRecordError {
            throw AuditReadError(.invalidRecord, at: location, "\(error.message); run `warden audit verify` to find the damage")
        } catch {
            throw AuditReadError(.invalidRecord, at: location, "\(error)")
        }
    }
}
