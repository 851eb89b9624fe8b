import WardenAuditRecord

/// Reads JSON Lines files holding one chain, verifying every line on its own and the chain across
/// lines and files, and hands each record with its line to a consumer: the seam a store backend
/// imports through, so every store's import verifies exactly as `verify` does (checkpoints are
/// records of the chain and are handed over too).
package enum AuditFileChain {
    /// Calls `body` with every record of `paths` (in chain order) and its line, after checking
    /// it; the chain must continue `start` (`nil`: start anywhere).
    /// - Returns: how many records were read.
    /// - Throws: ``AuditChainBreak`` at the first line or link that does not verify (the records
    ///   before it were handed over), or what `body` throws.
    @discardableResult
    package static func forEach(
        files paths: [String], start: AuditChainHead?, _ body: (AuditRecord, String) throws(AuditChainBreak) -> Void
    ) throws(AuditChainBreak) -> Int {
        var checker = ChainChecker(start: start)
        var previousFile: String?
        for path in paths {
            let reader: LineReader
            do { reader = try LineReader(path: path) } catch {
                throw AuditChainBreak(.unreadable, at: AuditLocation(path: path, line: nil), "cannot open: \(error)")
            }
            var sawRecord = false
            var layout = RecordLayout()
            while let line = try AuditVerifier.nextLine(reader, path: path) {
                let location = AuditLocation(path: path, line: line.number)
                _ = try AuditVerifier.verifiedLine(line, at: location, verifiedSoFar: checker.count, layout: &layout)
                let bytes = Array(line.bytes)
                let record: AuditRecord
                do { record = try RecordLine.verify(bytes) } catch {
                    throw AuditChainBreak(error.kind, at: location, seq: error.seq, error.message)
                }
                try checker.accept(record, at: location, previousFile: sawRecord ? nil : previousFile)
                try body(record, String(decoding: bytes, as: UTF8.self))
                sawRecord = true
            }
            if sawRecord { previousFile = path }
        }
        return checker.count
    }
}
