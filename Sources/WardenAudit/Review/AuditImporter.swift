import GRDB

/// What an import did.
public struct AuditImportResult: Sendable, Hashable, CustomStringConvertible {
    /// Records inserted into the database.
    public var imported: Int
    /// Records already in the database (same seq and hash), skipped.
    public var skipped: Int
    /// The database's head after the import.
    public var head: AuditChainHead

    /// Creates a result.
    public init(imported: Int, skipped: Int, head: AuditChainHead) {
        self.imported = imported
        self.skipped = skipped
        self.head = head
    }

    /// `imported 120 records (skipped 40 already present), head seq 160 <hash>`.
    public var description: String {
        "imported \(imported) record\(imported == 1 ? "" : "s") (skipped \(skipped) already present), head \(head)"
    }
}

/// Why an import stopped.
public enum AuditImportError: Error, Sendable, CustomStringConvertible {
    /// The database could not be opened or written.
    case database(AuditError)
    /// The files do not verify (or do not continue the database's chain); records before the
    /// break were imported.
    case chainBreak(AuditChainBreak, imported: Int)

    /// The message.
    public var description: String {
        switch self {
        case .database(let error): error.message
        case .chainBreak(let chainBreak, let imported):
            "\(chainBreak) (\(imported) record\(imported == 1 ? " was" : "s were") imported before it)"
        }
    }
}

/// Loads JSON Lines logs into an audit database, verifying the chain as it goes.
public enum AuditImporter {
    /// Imports `files` (in chain order) into the database at `databasePath` (created if needed).
    ///
    /// Records already in the database are skipped, after checking that the files hold the same
    /// chain (the record at the database's head has the same hash); new records must continue
    /// the database's chain. Records are committed in batches, so a break leaves the database
    /// holding a verified prefix.
    /// - Parameter continued: accept files whose first record is not seq 1 (empty database only).
    public static func importFiles(
        _ files: [String], into databasePath: String, continued: Bool = false, batchSize: Int = 10_000
    ) throws(AuditImportError) -> AuditImportResult {
        let sink: SQLiteAuditSink
        do { sink = try SQLiteAuditSink(path: databasePath) } catch { throw .database(error) }
        defer { try? sink.close() }
        let start = sink.chainHead
        var importer = Session(start: start, continued: continued, sink: sink, batchSize: batchSize)
        do {
            try importer.run(files)
        } catch {
            throw importer.failure(error)
        }
        return AuditImportResult(imported: importer.imported, skipped: importer.skipped, head: importer.head)
    }

    /// The state of one import.
    struct Session {
        let start: AuditChainHead
        let continued: Bool
        let sink: SQLiteAuditSink
        let batchSize: Int
        var checker: ChainChecker?
        var pending: [SealedRecord] = []
        var imported = 0
        var skipped = 0
        var head: AuditChainHead

        init(start: AuditChainHead, continued: Bool, sink: SQLiteAuditSink, batchSize: Int) {
            self.start = start
            self.continued = continued
            self.sink = sink
            self.batchSize = max(1, batchSize)
            self.head = start
        }

        enum Failure: Error {
            case chain(AuditChainBreak)
            case database(AuditError)
        }

        func failure(_ error: Failure) -> AuditImportError {
            switch error {
            case .chain(let chainBreak): .chainBreak(chainBreak, imported: imported)
            case .database(let error): .database(error)
            }
        }

        mutating func run(_ files: [String]) throws(Failure) {
            var previousFile: String?
            for path in files {
                let reader: LineReader
                do { reader = try LineReader(path: path) } catch {
                    throw .chain(AuditChainBreak(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)"))
                }
                var sawRecord = false
                while true {
                    let line: LineReader.Line?
                    do { line = try AuditVerifier.nextLine(reader, path: path) } catch { throw .chain(error) }
                    guard let line else { break }
                    let location = AuditLocation(path: path, line: line.number)
                    do {
                        let record = try AuditVerifier.verifiedRecord(line, at: location, verifiedSoFar: imported + skipped + pending.count)
                        try accept(record, line: line.bytes, at: location, previousFile: sawRecord ? nil : previousFile)
                    } catch let error as AuditChainBreak {
                        try flush()  // keep the verified records before the break
                        throw .chain(error)
                    } catch let error as Failure {
                        throw error
                    } catch {
                        throw .database(AuditError(.writeFailed, "\(error)"))
                    }
                    sawRecord = true
                }
                if sawRecord { previousFile = path }
            }
            try flush()
        }

        private mutating func accept(_ record: AuditRecord, line: [UInt8], at location: AuditLocation, previousFile: String?) throws {
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
                return
            }
            if record.seq == start.seq {
                guard record.hash == start.hash else {
                    throw AuditChainBreak(
                        .chainBroken, at: location, seq: record.seq,
                        "these files hold a different chain than the database: its record seq \(start.seq) has hash "
                            + "`\(start.hash)`; import into a new database")
                }
                skipped += 1
                return
            }
            pending.append(SealedRecord(record: record, lineBytes: line))
            if pending.count >= batchSize { try flush() }
        }

        private mutating func flush() throws(Failure) {
            guard let last = pending.last else { return }
            do { try sink.write(pending) } catch { throw .database(error) }
            imported += pending.count
            head = AuditChainHead(seq: last.record.seq, hash: last.record.hash)
            pending.removeAll(keepingCapacity: true)
        }
    }
}
