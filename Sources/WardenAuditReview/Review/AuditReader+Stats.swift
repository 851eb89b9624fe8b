import GRDB
import WardenAuditRecord

extension AuditReader {
    /// Statistics over the records matching `filter`. Over a database they are computed with SQL
    /// aggregates on the index tables (no record is parsed); over files by reading every record.
    public func stats(matching filter: AuditFilter = AuditFilter(), options: AuditStatsOptions = AuditStatsOptions())
        throws(AuditReadError) -> AuditStats
    {
        switch source {
        case .files:
            var accumulator = AuditStatsAccumulator(options: options)
            try forEach(matching: filter) { accumulator.add($0.record) }
            return accumulator.result
        case .store(let reference):
            return try reference.store.stats(matching: filter, options: options, verifying: verifies)
        case .database(let path):
            let database = try AuditDatabase.openForReading(path)
            if verifies { try Self.verifyDatabase(path) }
            do {
                return try database.queue.read { db in try DatabaseStats(filter: filter, options: options).compute(db) }
            } catch {
                throw AuditReadError(
                    .unreadable, at: AuditLocation(path: path, line: nil),
                    "cannot query: \(AuditDatabase.describe(error))")
            }
        }
    }
}
