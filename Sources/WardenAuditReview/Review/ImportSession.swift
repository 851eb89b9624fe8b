import WardenAuditRecord

/// The verifying half of an import: reads the files, verifies every record and the chain, and
/// emits batches of the records the database does not hold yet.
///
/// A batch ends after `batchSize` records or once its lines reach `batchBytes`, whichever comes
/// first, so a batch's memory does not depend on how long the records are.
struct ImportSession {
    let start: AuditChainHead
    let continued: Bool
    let batchSize: Int
    let batchBytes: Int
    private var checker: ChainChecker?
    private var pending = RecordRows()
    private var emitted = 0
    private(set) var skipped = 0

    init(start: AuditChainHead, continued: Bool, batchSize: Int, batchBytes: Int = AuditImporter.batchBytes) {
        self.start = start
        self.continued = continued
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
    }

    /// Verifies `files` in order, calling `emit` with each batch; stops early when `emit`
    /// returns `false`. Records verified before a break are emitted before it is thrown.
    mutating func run(_ files: [String], emit: (RecordRows) -> Bool) throws(AuditChainBreak) {
        var previousFile: String?
        var layout = RecordLayout()
        let startHash = HashText(start.hash)
        for path in files {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                throw AuditChainBreak(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)")
            }
            var sawRecord = false
            while let line = try AuditVerifier.nextLine(reader, path: path) {
                let location = AuditLocation(path: path, line: line.number)
                do throws(AuditChainBreak) {
                    let checked = try AuditVerifier.verifiedLine(
                        line, at: location, verifiedSoFar: emitted + skipped + pending.count, layout: &layout)
                    let link = ChainLink(checked, layout: layout, line: line.bytes)
                    if try accept(
                        link, startHash: startHash, at: location, previousFile: sawRecord ? nil : previousFile)
                    {
                        switch checked {
                        case .scanned: pending.append(layout, line: line.bytes)
                        case .parsed(let record): pending.append(record, line: Array(line.bytes))
                        }
                    }
                } catch {
                    _ = flush(emit)  // keep the verified records before the break
                    throw error
                }
                if pending.count >= batchSize || pending.bytes.count >= batchBytes, !flush(emit) { return }
                sawRecord = true
            }
            if sawRecord { previousFile = path }
        }
        _ = flush(emit)
    }

    /// Checks the record's place in the chain; `true` when the database lacks it.
    private mutating func accept(
        _ record: ChainLink, startHash: HashText, at location: AuditLocation, previousFile: String?
    ) throws(AuditChainBreak) -> Bool {
        if checker == nil {
            // The first record decides where checking starts: from the database's head when the
            // files continue it, from the files' own first record when they repeat it.
            if start.seq == 0 {
                checker = ChainChecker(start: continued ? nil : .genesis)
            } else {
                checker = ChainChecker(start: record.seq <= start.seq ? nil : start)
            }
        }
        try checker?.accept(record, at: location, previousFile: previousFile)
        if record.seq < start.seq {
            skipped += 1
            return false
        }
        if record.seq == start.seq {
            guard record.hash == startHash else {
                throw AuditChainBreak(
                    .chainBroken, at: location, seq: record.seq,
                    "these files hold a different chain than the database: its record seq \(start.seq) has hash "
                        + "`\(start.hash)`; import into a new database")
            }
            skipped += 1
            return false
        }
        return true
    }

    private mutating func flush(_ emit: (RecordRows) -> Bool) -> Bool {
        guard !pending.isEmpty else { return true }
        defer {
            emitted += pending.count
            pending = RecordRows()
        }
        return emit(pending)
    }
}
