import WardenAuditRecord
import WardenValue

/// Records of JSON Lines files, filtered; verified as they are read (each line on its own and
/// the chain across lines and files) unless verification is off.
final class FileRecordSource: RecordSource {
    let paths: [String]
    let filter: AuditFilter
    private var fileIndex = 0
    private var reader: LineReader?
    private var recordReader = CanonicalRecordReader(sharing: true)
    private var lines = LineChunk.Writer()
    /// The chain so far; `nil` when verification is off.
    private var checker: ChainChecker?
    private var layout = RecordLayout()
    /// The last file that held a record, and whether the current one holds any yet.
    private var previousFile: String?
    private var fileHasRecord = false

    /// A source over `paths`; with `verifying`, a break stops the reading with
    /// ``AuditReadError/Kind/chainBreak`` after the records before it.
    init(paths: [String], filter: AuditFilter, verifying: Bool = true) {
        self.paths = paths
        self.filter = filter
        // Review reads accept a log that starts after seq 1 (retention may have removed old
        // archives); `verify` checks the start.
        checker = verifying ? ChainChecker(start: nil) : nil
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
                let record =
                    checker == nil
                    ? try Self.parse(line.bytes, at: location, reader: &recordReader) : try verified(line, at: location)
                if filter.matches(record) {
                    return AuditReadRecord(record: record, line: lines.store(line.bytes), location: location)
                }
            }
            reader = nil
            fileIndex += 1
            if fileHasRecord { previousFile = path }
            fileHasRecord = false
        }
        return nil
    }

    /// The record of a line verified on its own and in the chain.
    private func verified(_ line: LineReader.LineView, at location: AuditLocation) throws(AuditReadError) -> AuditRecord
    {
        let checked: RecordLine.Checked
        do throws(AuditChainBreak) {
            checked = try AuditVerifier.verifiedLine(
                line, at: location, verifiedSoFar: checker?.count ?? 0, layout: &layout)
            try checker?.accept(
                ChainLink(checked, layout: layout, line: line.bytes), at: location,
                previousFile: fileHasRecord ? nil : previousFile)
        } catch {
            throw AuditReadError(error)
        }
        fileHasRecord = true
        switch checked {
        case .parsed(let record): return record
        case .scanned:
            if let record = try? recordReader.record(of: layout, line: line.bytes) { return record }
            return try Self.parse(line.bytes, at: location, reader: &recordReader)
        }
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
                    .invalidRecord, at: AuditLocation(path: path, line: line),
                    "line longer than \(limit) bytes; this is not an audit log")
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
            throw AuditReadError(
                .invalidRecord, at: location, "\(error.message); run `warden audit verify` to find the damage")
        } catch {
            throw AuditReadError(.invalidRecord, at: location, "\(error)")
        }
    }
}
