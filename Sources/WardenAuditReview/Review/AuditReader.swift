/// Reads records for review (query, stats, tail, replay) from JSON Lines files or an audit
/// database, with an ``AuditFilter``.
///
/// By default it verifies as it reads: files line by line with the chain across lines and
/// files (ids, times and checkpoints included; checkpoint signatures are `verify --key`'s job);
/// from a database every row it returns (its line, its hash, its seq), and for ``stats(matching:options:)``,
/// which aggregates index columns, the whole database first. A break ends the reading with
/// ``AuditReadError/Kind/chainBreak`` after the records before it. ``verifying(_:)`` turns it off.
public struct AuditReader: Sendable {
    /// Where records come from.
    public enum Source: Sendable, Hashable {
        /// JSON Lines files, read in the order given.
        case files([String])
        /// An audit database.
        case database(String)
        /// Another store (PostgreSQL).
        case store(AuditStoreReference)
    }

    /// Where records come from.
    public let source: Source
    /// Whether the log is verified as it is read (the default).
    public private(set) var verifies = true

    /// A reader over JSON Lines files (in chain order).
    public static func files(_ paths: [String]) -> AuditReader { AuditReader(source: .files(paths)) }

    /// A reader over an audit database.
    public static func database(_ path: String) -> AuditReader { AuditReader(source: .database(path)) }

    /// A reader over any audit store.
    public static func store(_ store: any AuditStore) -> AuditReader {
        AuditReader(source: .store(AuditStoreReference(store)))
    }

    /// The same reader, verifying as it reads or not.
    public func verifying(_ verifies: Bool) -> AuditReader {
        var reader = self
        reader.verifies = verifies
        return reader
    }

    /// Verifies a whole database (any start: retention may have removed its oldest records),
    /// as a read error.
    static func verifyDatabase(_ path: String) throws(AuditReadError) {
        do {
            _ = try AuditVerifier.verify(database: path, options: AuditVerifyOptions(continued: true))
        } catch {
            throw AuditReadError(error)
        }
    }

    /// A cursor over the records matching `filter`, in chain order, at most `limit` of them.
    ///
    /// An unterminated last line (a record being written, or cut short) is skipped.
    /// - Throws: ``AuditReadError`` when a file or the database cannot be opened.
    public func records(matching filter: AuditFilter = AuditFilter(), limit: Int? = nil) throws(AuditReadError)
        -> AuditRecordCursor
    {
        AuditRecordCursor(try source(matching: filter, limit: limit), limit: limit)
    }

    /// Like ``records(matching:limit:)``, but the records are read and parsed on a thread of
    /// their own, ahead of the caller, so that work overlaps with what the caller does with
    /// each record. Same records, same order, same errors.
    /// - Throws: ``AuditReadError`` when a file or the database cannot be opened.
    public func recordsReadAhead(matching filter: AuditFilter = AuditFilter(), limit: Int? = nil) throws(AuditReadError)
        -> AuditRecordCursor
    {
        AuditRecordCursor(ReadAheadRecordSource(try source(matching: filter, limit: limit)), limit: limit)
    }

    private func source(matching filter: AuditFilter, limit: Int?) throws(AuditReadError) -> any RecordSource {
        switch source {
        case .files(let paths):
            return FileRecordSource(paths: paths, filter: filter, verifying: verifies)
        case .database(let path):
            let database = try AuditDatabase.openForReading(path)
            return DatabaseRecordSource(database: database, filter: filter, limit: limit, verifying: verifies)
        case .store(let reference):
            let cursor = try reference.store.records(matching: filter, limit: limit, verifying: verifies)
            return CursorRecordSource(cursor)
        }
    }

    /// Calls `body` with every record matching `filter`, in chain order.
    public func forEach(
        matching filter: AuditFilter = AuditFilter(), limit: Int? = nil,
        _ body: (AuditReadRecord) throws(AuditReadError) -> Void
    ) throws(AuditReadError) {
        let cursor = try records(matching: filter, limit: limit)
        while let record = try cursor.next() { try body(record) }
    }
}
