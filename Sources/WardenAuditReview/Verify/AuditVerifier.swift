import WardenAuditRecord
import WardenValue

/// Recomputes the hash chain of a log and reports the first break.
public enum AuditVerifier {
    /// Verifies JSON Lines files holding one chain, in the order given.
    ///
    /// - Parameter continued: accept a first record that is not seq 1 (the log's beginning lives
    ///   in files not given); by default the chain must start at seq 1 with the genesis `prev`.
    /// - Throws: ``AuditChainBreak`` at the first record (or file) that does not verify.
    public static func verify(files paths: [String], continued: Bool = false) throws(AuditChainBreak)
        -> AuditVerification
    {
        try verify(files: paths, options: AuditVerifyOptions(continued: continued))
    }

    /// Verifies JSON Lines files holding one chain, in the order given (rotated files: archives
    /// by number, then the active file): the chain, ids, times, every checkpoint (and its
    /// signature when `options` has keys) and the pinned heads.
    /// - Throws: ``AuditChainBreak`` at the first record (or file) that does not verify.
    public static func verify(files paths: [String], options: AuditVerifyOptions) throws(AuditChainBreak)
        -> AuditVerification
    {
        try checkFileOrder(paths)
        var checker = ChainChecker(
            start: options.continued ? nil : .genesis, timeTolerance: options.timeTolerance, searchesSwaps: true)
        var checkpoints = CheckpointAudit(keys: options.keys)
        var pinned = PinnedHeads(options.expectedHeads)
        var previousFile: String?
        var end = AuditLocation(path: paths.last ?? "", line: nil)
        for path in paths {
            let reader: LineReader
            do {
                reader = try LineReader(path: path)
            } catch {
                throw AuditChainBreak(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)")
            }
            var sawRecord = false
            var layout = RecordLayout()
            while let line = try nextLine(reader, path: path) {
                let location = AuditLocation(path: path, line: line.number)
                let checked = try verifiedLine(line, at: location, verifiedSoFar: checker.count, layout: &layout)
                let link = ChainLink(checked, layout: layout, line: line.bytes)
                try checker.accept(link, at: location, previousFile: sawRecord ? nil : previousFile)
                if case .parsed(let record) = checked, let checkpoint = record.checkpoint {
                    try checkpoints.acceptCheckpoint(record, checkpoint, at: location)
                } else {
                    try checkpoints.acceptCall(seq: link.seq, at: location)
                }
                pinned.pass(link.hash)
                sawRecord = true
                end = location
            }
            if sawRecord { previousFile = path }
        }
        try checker.finish()
        try pinned.finish(head: checker.head, at: end)
        let warnings = try checkpoints.finish(records: checker.count)
        return AuditVerification(
            records: checker.count, firstSeq: checker.firstSeq, head: checker.head ?? .genesis,
            checkpoints: checkpoints.checkpoints,
            signaturesChecked: checkpoints.checksSignatures, warnings: warnings)
    }

    /// The next line of `reader` (borrowed: valid until the next read), as a chain break when
    /// it cannot be read.
    static func nextLine(_ reader: LineReader, path: String) throws(AuditChainBreak) -> LineReader.LineView? {
        do {
            return try reader.nextView()
        } catch {
            switch error {
            case .system(let system):
                throw AuditChainBreak(.unreadable, at: AuditLocation(path: path, line: nil), "cannot read: \(system)")
            case .lineTooLong(let line, let limit):
                let location = AuditLocation(path: path, line: line)
                if line == 1 {
                    throw AuditChainBreak(
                        .notAnAuditLog, at: location,
                        "`\(path)` is not an audit log: its first line is longer than \(limit) bytes")
                }
                throw AuditChainBreak(.invalidJSON, at: location, "line longer than \(limit) bytes; it is not a record")
            }
        }
    }

    /// Verifies one line on its own (into `layout` when it is in the writer's form), turning
    /// faults into breaks at `location`.
    static func verifiedLine(
        _ line: LineReader.LineView, at location: AuditLocation, verifiedSoFar: Int, layout: inout RecordLayout
    ) throws(AuditChainBreak) -> RecordLine.Checked {
        guard line.terminated else {
            throw AuditChainBreak(
                .truncatedRecord, at: location,
                "truncated record at \(location): the last line ends without a newline (a write was cut short, "
                    + "e.g. by a crash); the \(verifiedSoFar) record\(verifiedSoFar == 1 ? "" : "s") before it verify")
        }
        do {
            return try RecordLine.check(line.bytes, layout: &layout)
        } catch {
            if line.number == 1, !looksLikeRecord(Array(line.bytes)) {
                throw AuditChainBreak(
                    .notAnAuditLog, at: location,
                    "`\(location.path)` is not an audit log: its first line is not an audit record (\(error.message))")
            }
            throw AuditChainBreak(error.kind, at: location, seq: error.seq, error.message)
        }
    }

    /// Whether a line that failed to verify still looks like a record of some version: it starts
    /// like one, or it is an object with `v` and `seq`. Anything else on line 1 means the file is
    /// not an audit log at all.
    static func looksLikeRecord(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: RecordLine.recordPrefix) || bytes.starts(with: RecordLine.checkpointPrefix) {
            return true
        }
        guard case .map(let map)? = try? JSONLineParser.parse(bytes) else { return false }
        return map["v"] != nil && map["seq"] != nil
    }

    /// Reports files whose first records are not in increasing seq order, before reading them whole.
    private static func checkFileOrder(_ paths: [String]) throws(AuditChainBreak) {
        var previous: (path: String, seq: Int)?
        for path in paths {
            guard let reader = try? LineReader(path: path, chunk: 1 << 16),
                let first = try? reader.next(),
                let seq = firstSeq(of: first.bytes)
            else { continue }
            if let previous, seq <= previous.seq {
                throw AuditChainBreak(
                    .filesOutOfOrder, at: AuditLocation(path: path, line: 1), seq: seq,
                    "files out of order: this file starts at seq \(seq) but comes after `\(previous.path)`, which "
                        + "starts at seq \(previous.seq); give the files in chain order (archives by number, then the active file)"
                )
            }
            previous = (path, seq)
        }
    }

    private static func firstSeq(of line: [UInt8]) -> Int? {
        guard case .map(let map)? = try? JSONLineParser.parse(line),
            case .int(let seq)? = map["seq"]
        else { return nil }
        return seq
    }
}
